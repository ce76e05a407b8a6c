package fr.somme.ent.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * axe-core ({@code axe.min.js}, carried by {@code com.deque.html.axe-core:selenium}) injected into the page and run on the whole document. Every
 * page checked is recorded in {@code target/browser-tests/axe-summary.json} and {@code axe-summary.md}
 * (per page: the violations by impact, then each violation with the elements concerned), rewritten after
 * each check so that a journey that stops half-way still leaves its summary.
 */
final class AxeCheck {

    /** Impacts that fail a journey (issue #17: 0 serious or critical violation). */
    static final List<String> BLOCKING = List.of("critical", "serious");
    private static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

    private static final List<PageResult> RESULTS = new ArrayList<>();
    private static volatile String script;

    record Violation(String id, String impact, String help, String helpUrl, List<String> elements) {
    }

    /** One page checked. {@code console}: false for the realm's login page (recorded, never blocking). */
    record PageResult(String journey, String screenshot, String url, String title, boolean console,
            Map<String, Integer> byImpact, List<Violation> violations) {

        List<Violation> blocking() {
            return console ? violations.stream().filter(v -> BLOCKING.contains(v.impact())).toList() : List.of();
        }
    }

    private AxeCheck() {
    }

    static synchronized PageResult run(WebDriver driver, String journey, String screenshot, boolean console) {
        PageResult result = analyse(driver, journey, screenshot, console);
        RESULTS.add(result);
        write();
        return result;
    }

    /** Runs axe-core on the current page without recording it in the summary. */
    static PageResult analyse(WebDriver driver, String journey, String screenshot, boolean console) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeScript());
        Object raw = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || 'minor', help: v.help,"
                        + " helpUrl: v.helpUrl, elements: v.nodes.slice(0, 10).map(n => n.target.join(' ') + ' : '"
                        + " + (n.html || '').slice(0, 160))}))))"
                        + ".catch(e => done('axe failed: ' + e));");
        if (raw instanceof String error) {
            throw new AssertionError(error + " on " + driver.getCurrentUrl());
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> byImpact = new LinkedHashMap<>();
        IMPACTS.forEach(i -> byImpact.put(i, 0));
        for (Object o : (List<?>) raw) {
            Map<?, ?> v = (Map<?, ?>) o;
            List<String> elements = ((List<?>) v.get("elements")).stream().map(String::valueOf).toList();
            Violation violation = new Violation(String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
                    String.valueOf(v.get("help")), String.valueOf(v.get("helpUrl")), elements);
            violations.add(violation);
            byImpact.merge(violation.impact(), 1, Integer::sum);
        }
        return new PageResult(journey, screenshot, driver.getCurrentUrl(), driver.getTitle(), console, byImpact, violations);
    }

    private static String axeScript() {
        if (script == null) {
            String path = "axe.min.js"; // from com.deque.html.axe-core:selenium, see the pom
            try (InputStream in = AxeCheck.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core not on the test classpath: " + path);
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static void write() {
        Path dir = Browser.outputDir();
        try {
            Files.createDirectories(dir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve("axe-summary.json").toFile(), RESULTS);
            Files.writeString(dir.resolve("axe-summary.md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown() {
        StringBuilder md = new StringBuilder("# axe-core ").append(System.getProperty("axe-core.version"))
                .append(" on every page visited\n\n")
                .append("A console page fails its journey on any critical or serious violation; the realm's login page")
                .append(" (Keycloak's theme, not the console's) is recorded only.\n\n")
                .append("| journey | screenshot | page title | critical | serious | moderate | minor |\n")
                .append("|---|---|---|---|---|---|---|\n");
        int[] totals = new int[IMPACTS.size()];
        for (PageResult r : RESULTS) {
            md.append("| ").append(r.journey()).append(" | ").append(r.screenshot()).append(" | ")
                    .append(r.title().replace("|", "/")).append(r.console() ? "" : " (Keycloak)");
            for (int i = 0; i < IMPACTS.size(); i++) {
                int n = r.byImpact().getOrDefault(IMPACTS.get(i), 0);
                totals[i] += r.console() ? n : 0;
                md.append(" | ").append(n);
            }
            md.append(" |\n");
        }
        md.append("| **console pages, total** | ").append(RESULTS.stream().filter(PageResult::console).count())
                .append(" pages | ");
        for (int total : totals) {
            md.append(" | ").append(total);
        }
        md.append(" |\n\n## Violations\n");
        for (PageResult r : RESULTS) {
            for (Violation v : r.violations()) {
                md.append("- ").append(r.screenshot()).append(" — **").append(v.impact()).append("** `").append(v.id())
                        .append("`: ").append(v.help()).append(" (").append(v.helpUrl()).append(")\n");
                v.elements().forEach(e -> md.append("  - `").append(e.replace("`", "'").replace("\n", " ")).append("`\n"));
            }
        }
        return md.toString();
    }
}
