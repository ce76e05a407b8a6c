package fr.somme.ent.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ArrayType;

/**
 * The one shape of a service (docs/adr/0002-persistence-and-layers.md), checked on its sources by
 * each service's {@code ServiceShapeTest}: SQL only in {@code repository} packages, rows never read
 * by position or carried as arrays of objects, resources that never touch storage, a domain that
 * knows nothing of HTTP or the framework, short files and methods, test packages that mirror main.
 * Plain JUnit: it reads the module's {@code src/main/java} and {@code src/test/java}.
 */
public abstract class ServiceShapeContract {

    static final int MAX_FILE_LINES = 250;
    static final int MAX_METHOD_LINES = 60;

    private static final Pattern SQL_TEXT = Pattern.compile(
            "(?is)^\\s*(select\\s.+\\sfrom\\s|insert\\s+into\\s|update\\s+\\w+\\s+set\\s|delete\\s+from\\s|with\\s+\\w+\\s+as\\s*\\(|"
                    + "create\\s+(table|index)\\s|lock\\s+table\\s).*");
    private static final Set<String> SQL_CALLS = Set.of("createNativeQuery", "prepareStatement", "createStatement",
            "prepareCall", "executeUpdate", "executeQuery");
    private static final Pattern POSITIONAL_READ = Pattern.compile(
            "\\.get(String|Object|Long|Int|Boolean|BigDecimal|Timestamp|Date|Short|Double|Array|Bytes)\\(\\s*\\d");
    private static final List<String> STORAGE_IMPORTS = List.of("jakarta.persistence.EntityManager", "javax.sql.",
            "java.sql.", "io.agroal.", "io.quarkus.hibernate.orm.panache.Panache");
    private static final List<String> DOMAIN_FORBIDDEN_IMPORTS = List.of("jakarta.ws.rs", "org.jboss.resteasy",
            "fr.somme.ent.commons.problem", "io.quarkus", "jakarta.enterprise", "jakarta.inject", "jakarta.transaction",
            "org.eclipse.microprofile", "io.smallrye", "org.apache.kafka", "com.fasterxml.jackson.databind");

    private Map<Path, CompilationUnit> parsedMain;

    /** The module's directory; the working directory of its Surefire run by default. */
    protected Path moduleRoot() {
        return Path.of("");
    }

    private Map<Path, CompilationUnit> main() {
        if (parsedMain == null) {
            parsedMain = parse(moduleRoot().resolve("src/main/java"));
        }
        return parsedMain;
    }

    @Test
    void nativeSqlLivesOnlyInRepositoryPackages() {
        List<String> offenders = new ArrayList<>();
        main().forEach((file, unit) -> {
            if (inPackage(unit, "repository")) {
                return;
            }
            unit.findAll(MethodCallExpr.class).stream().filter(call -> SQL_CALLS.contains(call.getNameAsString()))
                    .forEach(call -> offenders.add(where(file, call.getBegin().map(p -> p.line).orElse(0)) + " " + call.getNameAsString()));
            sqlLiterals(unit, (line, text) -> offenders.add(where(file, line) + " \"" + abbreviate(text) + "\""));
        });
        assertEquals(List.of(), offenders, "SQL outside a repository package");
    }

    @Test
    void rowsAreNeverCarriedAsObjectArraysNorReadByPosition() {
        List<String> offenders = new ArrayList<>();
        main().forEach((file, unit) -> {
            unit.findAll(ArrayType.class).stream()
                    .filter(t -> t.getComponentType().asString().equals("Object"))
                    .forEach(t -> offenders.add(where(file, t.getBegin().map(p -> p.line).orElse(0)) + " array of Object"));
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (POSITIONAL_READ.matcher(lines.get(i)).find()) {
                    offenders.add(where(file, i + 1) + " positional read: " + lines.get(i).trim());
                }
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void resourcesNeverTouchStorage() {
        List<String> offenders = new ArrayList<>();
        main().forEach((file, unit) -> {
            boolean resource = unit.getTypes().stream().anyMatch(t -> t.isAnnotationPresent("Path"));
            if (!resource) {
                return;
            }
            unit.getImports().forEach(i -> {
                String name = i.getNameAsString();
                if (STORAGE_IMPORTS.stream().anyMatch(name::startsWith) || name.contains(".repository.")) {
                    offenders.add(file + " imports " + name);
                }
            });
        });
        assertEquals(List.of(), offenders, "a @Path class calls a use case, never storage");
    }

    @Test
    void theDomainKnowsNothingOfHttpNorOfTheFramework() {
        List<String> offenders = new ArrayList<>();
        main().forEach((file, unit) -> {
            if (!inPackage(unit, "domain")) {
                return;
            }
            unit.getImports().forEach(i -> {
                String name = i.getNameAsString();
                if (DOMAIN_FORBIDDEN_IMPORTS.stream().anyMatch(name::startsWith)) {
                    offenders.add(file + " imports " + name);
                }
            });
        });
        assertEquals(List.of(), offenders, "domain/ is plain Java (JPA mapping annotations allowed)");
    }

    @Test
    void noFileIsOver250LinesAndNoMethodOver60() {
        List<String> offenders = new ArrayList<>();
        main().forEach((file, unit) -> {
            int count = lines(file).size();
            if (count > MAX_FILE_LINES) {
                offenders.add(file + " has " + count + " lines");
            }
            for (CallableDeclaration<?> m : unit.findAll(CallableDeclaration.class)) {
                int first = m.getBegin().map(p -> p.line).orElse(0);
                int length = m.getEnd().map(p -> p.line).orElse(first) - first + 1;
                if (length > MAX_METHOD_LINES) {
                    offenders.add(where(file, first) + " " + m.getNameAsString() + " has " + length + " lines");
                }
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void testPackagesMirrorMainPackages() {
        Set<String> mainPackages = directories(moduleRoot().resolve("src/main/java"));
        Set<String> testPackages = packages(moduleRoot().resolve("src/test/java"));
        testPackages.removeAll(mainPackages);
        assertTrue(testPackages.isEmpty(), "test packages without a main package of the same name: " + testPackages);
    }

    private static boolean inPackage(CompilationUnit unit, String role) {
        return unit.getPackageDeclaration().map(p -> {
            String name = p.getNameAsString();
            return name.endsWith("." + role) || name.contains("." + role + ".");
        }).orElse(false);
    }

    private static void sqlLiterals(CompilationUnit unit, BiConsumer<Integer, String> report) {
        unit.findAll(StringLiteralExpr.class).forEach(s -> {
            if (SQL_TEXT.matcher(s.getValue()).matches()) {
                report.accept(s.getBegin().map(p -> p.line).orElse(0), s.getValue());
            }
        });
        unit.findAll(TextBlockLiteralExpr.class).forEach(s -> {
            if (SQL_TEXT.matcher(s.getValue()).matches()) {
                report.accept(s.getBegin().map(p -> p.line).orElse(0), s.getValue());
            }
        });
    }

    private static Map<Path, CompilationUnit> parse(Path root) {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toMap(f -> f, f -> {
                try {
                    return StaticJavaParser.parse(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, (a, b) -> a, java.util.LinkedHashMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> packages(Path root) {
        if (!Files.isDirectory(root)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> root.relativize(f.getParent()).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> directories(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isDirectory).map(d -> root.relativize(d).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Path file, int line) {
        return file + ":" + line;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    }
}
