package fr.somme.ent.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md, the errors catalogue, lists every problem {@code type} the suite can answer with: the ones the main
 * sources of the four services and ent-commons build (see {@link ProblemTypeScanner}) and the ones the committed
 * OpenAPI documents show, each with the statuses it comes with; and it lists nothing else.
 */
class ErrorsCatalogueTest {

    static final Path ROOT = Path.of("..");
    static final Path CATALOGUE = ROOT.resolve("docs/errors.md");
    static final List<String> MODULES = List.of("ent-commons", "membership-service", "project-validation-service",
            "provisioning-service", "billing-service");
    /** A row of the catalogue's tables: | `slug` | statuses | when | what to do |. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9<>-]+)`\\s*\\|([^|]*)\\|");
    private static final Pattern STATUS = Pattern.compile("\\b([1-5][0-9]{2})\\b");
    private static final String HOW = "\nAdd a row `| `<slug>` | <status> | <when> | <what the client should do> |` to docs/errors.md.";

    private static ProblemTypeScanner.Result scan;
    private static Map<String, Set<Integer>> catalogue;

    @BeforeAll
    static void read() throws IOException {
        List<Path> roots = MODULES.stream().map(m -> ROOT.resolve(m).resolve("src/main/java")).toList();
        scan = ProblemTypeScanner.scan(roots);
        catalogue = catalogue(Files.readString(CATALOGUE));
    }

    @Test
    void everyProblemTypeSlugInTheCodeIsWrittenSoThatItCanBeCatalogued() {
        assertTrue(scan.found().size() > 50, "the scan finds the suite's problem types: " + scan.found().size());
        assertEquals(List.of(), scan.unresolved(), "slug arguments the catalogue check cannot follow: write the slug as a "
                + "literal, a constant, or pass a literal to the helper that builds the problem");
    }

    @Test
    void everyProblemTypeTheCodeCanAnswerWithIsInTheErrorsCatalogue() {
        Map<String, List<String>> missing = new TreeMap<>();
        for (ProblemTypeScanner.Found f : scan.found()) {
            if (!catalogued(f.slug(), f.prefix())) {
                missing.computeIfAbsent(f.prefix() ? f.slug() + "<...>" : f.slug(), k -> new ArrayList<>()).add(f.where());
            }
        }
        if (!missing.isEmpty()) {
            fail("problem types the code returns that docs/errors.md does not list: " + missing + HOW);
        }
    }

    @Test
    void theErrorsCatalogueGivesEachProblemTypeTheStatusesTheCodeAnswersWith() {
        List<String> wrong = new ArrayList<>();
        for (ProblemTypeScanner.Found f : scan.found()) {
            Set<Integer> listed = catalogue.get(f.slug());
            if (!f.prefix() && f.status() > 0 && listed != null && !listed.contains(f.status())) {
                wrong.add(f.slug() + " is answered with " + f.status() + " at " + f.where() + ", the catalogue says " + listed);
            }
        }
        assertEquals(List.of(), wrong, "fix the status column of docs/errors.md");
    }

    @Test
    void everyProblemTypeTheOpenApiDocumentsShowIsInTheErrorsCatalogue() throws IOException {
        Path dir = ROOT.resolve("contracts/openapi");
        Set<String> missing = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path doc : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    Matcher m = Pattern.compile(Pattern.quote(ProblemTypeScanner.TYPE_BASE) + "([a-z0-9-]+)")
                            .matcher(Files.readString(doc));
                    while (m.find()) {
                        if (!catalogued(m.group(1), false)) {
                            missing.add(m.group(1) + " (" + doc.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "problem types shown in contracts/openapi/*.yaml but missing from docs/errors.md" + HOW);
    }

    @Test
    void theErrorsCatalogueListsOnlyProblemTypesTheCodeCanAnswerWith() {
        Set<String> known = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        for (ProblemTypeScanner.Found f : scan.found()) {
            (f.prefix() ? prefixes : known).add(f.slug());
        }
        Set<String> stale = new TreeSet<>();
        for (String slug : catalogue.keySet()) {
            boolean pattern = slug.contains("<");
            boolean ok = pattern ? prefixes.contains(slug.substring(0, slug.indexOf('<')))
                    : known.contains(slug) || prefixes.stream().anyMatch(slug::startsWith);
            if (!ok) {
                stale.add(slug);
            }
        }
        assertEquals(Set.of(), stale, "docs/errors.md lists problem types no code returns (a typo, or a type that is gone: "
                + "remove its row)");
    }

    /** A literal slug is catalogued by its own row; a prefix ("class-" + status) by a row "class-<...>". */
    private static boolean catalogued(String slug, boolean prefix) {
        if (prefix) {
            return catalogue.keySet().stream().anyMatch(s -> s.startsWith(slug + "<"));
        }
        return catalogue.containsKey(slug);
    }

    static Map<String, Set<Integer>> catalogue(String markdown) {
        Map<String, Set<Integer>> rows = new TreeMap<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## SCIM")) {
                break; // SCIM errors are not problems: their scimType is not a problem type
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                Set<Integer> statuses = new LinkedHashSet<>();
                Matcher s = STATUS.matcher(m.group(2));
                while (s.find()) {
                    statuses.add(Integer.parseInt(s.group(1)));
                }
                if (rows.put(m.group(1), statuses) != null) {
                    fail("docs/errors.md lists " + m.group(1) + " twice");
                }
            }
        }
        return rows;
    }
}
