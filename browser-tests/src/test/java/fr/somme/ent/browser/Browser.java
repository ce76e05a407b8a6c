package fr.somme.ent.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (both paths given, so Selenium Manager never
 * downloads anything), with the few gestures a person makes: follow a link or press a button by its visible
 * French text, type into the field whose label says what it is, read the page. Every page reached is
 * screenshotted (one numbered file per journey step) and checked with axe-core ({@link AxeCheck}).
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(Long.getLong("browser.wait.seconds", 30));

    final WebDriver driver;
    private final String journey;
    private final URI console;
    private final Path screenshots;
    private final List<String> blocking = new ArrayList<>();
    private int step;

    Browser(String journey) {
        this.journey = journey;
        this.console = URI.create(System.getProperty("console.url", "http://localhost:8080/"));
        this.screenshots = outputDir().resolve("screenshots");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=fr-FR", "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.path", "/usr/bin/chromedriver")))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    static Path outputDir() {
        return Path.of(System.getProperty("browser-tests.dir", "target/browser-tests"));
    }

    /** The only URL a journey types: the console's root. */
    void openConsole() {
        driver.get(console.toString());
        settle();
    }

    boolean onConsole() {
        URI here = URI.create(driver.getCurrentUrl());
        return here.getPort() == console.getPort() && console.getHost().equalsIgnoreCase(here.getHost());
    }

    /** Logs in on the realm's login page as a person would: types user name and password, presses Enter. */
    void logIn(String user) {
        if (onConsole()) {
            WebElement link = findOptional(clickableNamed("Se connecter"));
            if (link != null) {
                link.click();
            }
        }
        new WebDriverWait(driver, WAIT).until(d -> !onConsole() && !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
        page("connexion");
        WebElement name = field("utilisateur");
        name.clear();
        name.sendKeys(user);
        WebElement password = field("Mot de passe");
        password.clear();
        password.sendKeys(user, Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(d -> onConsole());
        settle();
    }

    /** Follows the link or presses the button whose visible text (or accessible name) contains {@code text}. */
    void click(String text) {
        WebElement target = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(clickableNamed(text)));
        target.click();
        settle();
    }

    /** Clicks the link or button named {@code text} inside the element (row, card, section) that contains {@code context}. */
    void clickWithin(String context, String text) {
        By within = By.xpath("//*[self::tr or self::li or self::article or self::section or self::div]"
                + "[contains(normalize-space(.), " + xpathLiteral(context) + ")]"
                + clickableXPath(text));
        List<WebElement> candidates = new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(within);
            return found.isEmpty() ? null : found;
        });
        candidates.get(candidates.size() - 1).click();
        settle();
    }

    /** Types into the input, select or textarea whose label contains {@code label}. */
    void type(String label, String value) {
        WebElement input = field(label);
        if ("select".equals(input.getTagName())) {
            new Select(input).selectByVisibleText(value);
            return;
        }
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Types a date into the date field labelled {@code label}, day first as a French person does (jj/mm/aaaa); if the
     * browser's field shows the month first (headless Chromium on a machine without a French locale), types it in
     * that order. Returns the field's value (ISO), which the caller can check.
     */
    String typeDate(String label, java.time.LocalDate date) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        if (!date.toString().equals(input.getAttribute("value"))) {
            input.clear();
            input.sendKeys(date.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        }
        return input.getAttribute("value");
    }

    void choose(String label, String visibleText) {
        new Select(field(label)).selectByVisibleText(visibleText);
    }

    void check(String label) {
        WebElement box = field(label);
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** The form control labelled {@code label}: by {@code <label for>}, a wrapping label, or aria-label. */
    WebElement field(String label) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            for (WebElement l : d.findElements(By.xpath("//label[contains(normalize-space(.), " + xpathLiteral(label) + ")]"))) {
                String forId = l.getAttribute("for");
                if (forId != null && !forId.isBlank()) {
                    List<WebElement> byId = d.findElements(By.id(forId));
                    if (!byId.isEmpty() && byId.get(0).isDisplayed()) {
                        return byId.get(0);
                    }
                }
                List<WebElement> nested = l.findElements(By.xpath(".//input|.//select|.//textarea"));
                if (!nested.isEmpty()) {
                    return nested.get(0);
                }
            }
            List<WebElement> aria = d.findElements(By.xpath("//*[self::input or self::select or self::textarea]"
                    + "[contains(@aria-label, " + xpathLiteral(label) + ")]"));
            return aria.isEmpty() ? null : aria.get(0);
        });
    }

    /** Waits until the main heading contains {@code text}, then records the page (screenshot + axe). */
    void expectPage(String heading, String stepName) {
        try {
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), heading));
        } catch (TimeoutException e) {
            page(stepName + "-inattendu");
            throw new AssertionError("expected a page whose heading contains \"" + heading + "\", got \""
                    + headingText() + "\" at " + driver.getCurrentUrl(), e);
        }
        page(stepName);
    }

    /** Waits until the page shows {@code text} somewhere in its main content. */
    void expectText(String text) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> spaces(mainText()).contains(spaces(text)));
        } catch (TimeoutException e) {
            page("attendu-" + slug(text));
            throw new AssertionError("expected the page to show \"" + text + "\" at " + driver.getCurrentUrl()
                    + "; it shows:\n" + mainText(), e);
        }
    }

    /** French typography puts no-break spaces (U+00A0, U+202F) in amounts and numbers: compared as plain spaces. */
    static String spaces(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    String mainText() {
        List<WebElement> main = driver.findElements(By.tagName("main"));
        return (main.isEmpty() ? driver.findElement(By.tagName("body")) : main.get(0)).getText();
    }

    String headingText() {
        List<WebElement> h1 = driver.findElements(By.tagName("h1"));
        return h1.isEmpty() ? "" : h1.get(0).getText();
    }

    String title() {
        return driver.getTitle();
    }

    /** Screenshot of the current page and its axe-core check (recorded for the summary). */
    void page(String stepName) {
        settle();
        step++;
        String file = String.format(Locale.ROOT, "%s-%02d-%s.png", journey, step, slug(stepName));
        try {
            Files.createDirectories(screenshots);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AxeCheck.run(driver, journey, file, onConsole()).blocking().forEach(v -> blocking.add(
                file + " (" + driver.getCurrentUrl() + "): " + v.impact() + " " + v.id() + " — " + v.help()
                        + "\n      " + String.join("\n      ", v.elements())));
    }

    /** The serious and critical axe-core violations found on the console's pages so far. */
    List<String> blockingViolations() {
        return List.copyOf(blocking);
    }

    /** Waits for the document to be loaded and htmx to have no request in flight. */
    void settle() {
        new WebDriverWait(driver, WAIT).until((Function<WebDriver, Boolean>) d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState === 'complete'"
                        + " && document.querySelector('.htmx-request') === null")));
    }

    private WebElement findOptional(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }

    private static By clickableNamed(String text) {
        return By.xpath(clickableXPath(text));
    }

    /** A link or button (any depth) whose visible text, value or aria-label contains {@code text}. */
    private static String clickableXPath(String text) {
        String t = xpathLiteral(text);
        return "//*[(self::a or self::button or (self::input and (@type='submit' or @type='button')))"
                + " and (contains(normalize-space(.), " + t + ") or contains(@value, " + t + ") or contains(@aria-label, " + t + "))]";
    }

    static String xpathLiteral(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        if (!s.contains("\"")) {
            return "\"" + s + "\"";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }

    static String slug(String s) {
        String ascii = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 40 ? slug.substring(0, 40) : slug;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
