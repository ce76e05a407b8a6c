package fr.somme.ent.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The check the journeys rely on can fail: on a page with an unlabelled field and grey-on-white text, axe-core
 * reports serious or critical violations that block a console page, and nothing on a clean page. (The pages are
 * given as data: URLs; they are not the console's and are not recorded in the summary.)
 */
@Order(0)
class AxeCheckTest {

    private static Browser browser;

    @BeforeAll
    static void open() {
        browser = new Browser("controle-axe");
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void anUnlabelledFieldAndLowContrastTextAreBlockingViolations() {
        AxeCheck.PageResult result = analyse("<!DOCTYPE html><html><head><title>t</title></head><body>"
                + "<p style=\"color:#bbb;background:#fff\">Texte trop pâle</p><input type=\"text\"></body></html>");
        List<String> blocking = result.blocking().stream().map(AxeCheck.Violation::id).toList();
        assertTrue(blocking.contains("label"), () -> "expected 'label' among " + blocking);
        assertTrue(blocking.contains("color-contrast"), () -> "expected 'color-contrast' among " + blocking);
        assertTrue(blocking.contains("html-has-lang"), () -> "expected 'html-has-lang' among " + blocking);
    }

    @Test
    void aPageWithLangLabelsAndContrastHasNoBlockingViolation() {
        AxeCheck.PageResult result = analyse("<!DOCTYPE html><html lang=\"fr\"><head><title>Essai</title></head><body>"
                + "<main><h1>Essai</h1><label for=\"n\">Nom</label><input id=\"n\" type=\"text\"></main></body></html>");
        assertEquals(List.of(), result.blocking());
    }

    private static AxeCheck.PageResult analyse(String html) {
        browser.driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        return AxeCheck.analyse(browser.driver, "controle-axe", "-", true);
    }
}
