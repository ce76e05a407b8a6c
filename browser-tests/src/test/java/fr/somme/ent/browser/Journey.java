package fr.somme.ent.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * One role's journey in a fresh browser (no cookie shared with another journey): it starts at the console's
 * root, logs in on the realm's page, then only follows links and fills in forms by their French labels.
 * Whatever the journey's outcome, the console's pages it reached must have no serious or critical axe-core
 * violation.
 */
abstract class Journey {

    Browser browser;

    abstract String name();

    @BeforeEach
    void openBrowser() {
        browser = new Browser(name());
    }

    @AfterEach
    void everyConsolePageVisitedHasNoSeriousOrCriticalAccessibilityViolation() {
        try {
            assertTrue(browser.blockingViolations().isEmpty(), () -> "axe-core found serious or critical violations:\n  "
                    + String.join("\n  ", browser.blockingViolations()));
        } finally {
            browser.close();
        }
    }

    /** Console root → the realm's login page → back on the console, logged in as {@code user}. */
    void logInAs(String user) {
        browser.openConsole();
        browser.logIn(user);
    }
}
