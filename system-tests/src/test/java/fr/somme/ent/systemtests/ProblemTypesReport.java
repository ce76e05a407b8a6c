package fr.somme.ent.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import fr.somme.ent.systemtests.ProblemRecorder.Answer;

/**
 * The runtime problems, written for a reader: each system-test class's answers in
 * {@code target/system-tests/problem-types/<class>.tsv} (service, method, path template or {@code -}, status, type,
 * count) and its DLQ slugs in {@code <class>.dlq.tsv} (topic, slug, count); then every class's, summed up in
 * {@code target/system-tests/problem-types.md}: one row per type and status with the operations that answered it and
 * how many times, the failures of {@link ProblemTypesCheck}, the rule-specific types of docs/errors.md no class saw.
 */
final class ProblemTypesReport {

    static final Path DIR = Path.of("target", "system-tests", "problem-types");
    private static final String NO_TEMPLATE = "-";

    private ProblemTypesReport() {
    }

    static void writeClass(Path dir, String testClass, Map<Answer, Integer> answers, Map<String, Integer> deadLetters)
            throws IOException {
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        answers.forEach((a, n) -> lines.add(String.join("\t", a.service(), a.method(),
                a.template() == null ? NO_TEMPLATE : a.template(), String.valueOf(a.status()), a.type(), String.valueOf(n))));
        Files.write(dir.resolve(testClass + ".tsv"), lines, StandardCharsets.UTF_8);
        List<String> dlq = new ArrayList<>();
        deadLetters.forEach((topicAndSlug, n) -> dlq.add(topicAndSlug.replace(' ', '\t') + "\t" + n));
        Files.write(dir.resolve(testClass + ".dlq.tsv"), dlq, StandardCharsets.UTF_8);
    }

    /** Every answer of the classes whose files are in {@code dir}, with its count summed over them. */
    static Map<Answer, Integer> readAll(Path dir, List<String> classes) throws IOException {
        Map<Answer, Integer> all = new TreeMap<>();
        for (Path file : files(dir, ".tsv")) {
            classes.add(file.getFileName().toString().replace(".tsv", ""));
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 6) {
                    all.merge(new Answer(f[0], f[1], NO_TEMPLATE.equals(f[2]) ? null : f[2], Integer.parseInt(f[3]), f[4]),
                            Integer.parseInt(f[5]), Integer::sum);
                }
            }
        }
        return all;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix) && (suffix.equals(".dlq.tsv")
                    || !f.toString().endsWith(".dlq.tsv"))).sorted().toList();
        }
    }

    static void writeSummary(Path dir, ErrorsCatalogue catalogue, Function<String, ServiceDocument> documents)
            throws IOException {
        List<String> classes = new ArrayList<>();
        Map<Answer, Integer> all = readAll(dir, classes);
        Map<String, Integer> deadLetters = new TreeMap<>();
        for (Path file : files(dir, ".dlq.tsv")) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    deadLetters.merge(f[0] + " `" + f[1] + "`", Integer.parseInt(f[2]), Integer::sum);
                }
            }
        }
        Files.writeString(dir.resolveSibling("problem-types.md"),
                markdown(classes, all, deadLetters, catalogue, ProblemTypesCheck.violations(all.keySet(), catalogue, documents)),
                StandardCharsets.UTF_8);
    }

    static String markdown(List<String> classes, Map<Answer, Integer> all, Map<String, Integer> deadLetters,
            ErrorsCatalogue catalogue, List<String> violations) {
        Map<String, Set<String>> operations = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        all.forEach((a, n) -> {
            String key = "`" + a.type() + "` | " + a.status();
            operations.computeIfAbsent(key, k -> new TreeSet<>()).add(a.operation());
            counts.merge(key, n, Integer::sum);
            ErrorsCatalogue.slug(a.type()).ifPresent(seen::add);
        });
        StringBuilder md = new StringBuilder("# Problem types answered in the system tests\n\n")
                .append("Every `application/problem+json` answer the system-test classes received (")
                .append(String.join(", ", classes)).append("), by type and status, with the operations that answered it ")
                .append("(service, method, path template of its OpenAPI document) and how many answers. ")
                .append("Written by `ProblemTypesCheck` (system-tests/README.md).\n\n")
                .append("| type | status | operations | count |\n| --- | --- | --- | --- |\n");
        operations.forEach((key, ops) -> md.append("| ").append(key).append(" | ").append(String.join("<br>", ops))
                .append(" | ").append(counts.get(key)).append(" |\n"));
        md.append("\n## Checks failed (docs/errors.md, OpenAPI responses, x-ent-problems)\n\n");
        md.append(violations.isEmpty() ? "None.\n" : "- " + String.join("\n- ", violations) + "\n");
        md.append("\n## Rule-specific types of docs/errors.md never answered in these classes (information)\n\n");
        List<String> unseen = catalogue.ruleSpecificSlugs().stream().filter(s -> !seen.contains(s)).map(s -> "`" + s + "`")
                .toList();
        md.append(unseen.isEmpty() ? "None.\n" : String.join(", ", unseen) + " (" + unseen.size() + ")\n");
        md.append("\n## Slugs of docs/errors.md named by a `dead-letter-reason` of a DLQ (information)\n\n");
        md.append(deadLetters.isEmpty() ? "None.\n" : "| DLQ and slug | records |\n| --- | --- |\n");
        deadLetters.forEach((k, n) -> md.append("| ").append(k).append(" | ").append(n).append(" |\n"));
        return md.toString();
    }
}
