package newstopic.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newstopic.article.Article;
import newstopic.article.RawPageReader;
import newstopic.model.Mode;
import newstopic.model.ModelFile;
import newstopic.model.TestModels;
import newstopic.model.TopicModel;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The try-it page in a real browser: the system's headless Chromium, driven by Selenium, against
 * a server on a free port with a small hand-made model. It types an article and checks the labels,
 * probabilities and highlights shown against the classifier's own answer, shows a server error,
 * and reads a raw page file through the file input.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium}
 * and {@code chromium-driver}; the system properties {@code newstopic.e2e.chromium} and
 * {@code newstopic.e2e.chromedriver} name others); Selenium Manager is never asked to download a
 * browser or driver.
 * Without them the test is skipped, except on CI ({@code CI=true}), where it fails. Screenshots
 * go to {@code target/e2e-screenshots/} or to the folder in the system property
 * {@code newstopic.e2e.screenshots}.
 */
class WebPageEndToEndTest {

    /** Debian's browser and driver; the system properties are for other layouts (and for trying the skip). */
    private static final Path CHROMIUM = Path.of(System.getProperty("newstopic.e2e.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("newstopic.e2e.chromedriver", "/usr/bin/chromedriver"));
    /**
     * Selenium warns on every start that it has no DevTools (CDP) bindings for this Chromium; the
     * test uses WebDriver only. Held here, as java.util.logging keeps loggers only weakly.
     */
    private static final List<Logger> QUIET = List.of(
            quiet("org.openqa.selenium.devtools.CdpVersionFinder"), quiet("org.openqa.selenium.chromium.ChromiumDriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String TITLE = "Envoy talks";
    private static final String BODY = "War and shelling near the market";

    /** Two articles in the layout of data/raw: headline, captions, debris, the header again, paragraphs. */
    private static final String RAW_PAGE = """
            Envoys Meet in Geneva to Resume Talks

            Delegates arrive at the conference hall in Geneva. (AFP)
            Delegates arrive at the conference hall in Geneva. (AFP)
            TT
            20

            Envoys Meet in Geneva to Resume Talks

            Delegates arrive at the conference hall in Geneva. (AFP)
            Delegates arrive at the conference hall in Geneva. (AFP)

            The envoy said the talks would continue on Monday after a first round of meetings.

            Both delegations welcomed the talks and agreed to meet again within a week.



            Shelling Hits Market in Border Town

            Smoke rises over the old market. (Reuters)
            Smoke rises over the old market. (Reuters)
            TT
            12

            Shelling Hits Market in Border Town

            Smoke rises over the old market. (Reuters)
            Smoke rises over the old market. (Reuters)

            Shelling near the market killed three people on Sunday, local officials said.

            The war has moved closer to the town in recent weeks.
            """;

    @TempDir
    static Path dir;

    private static TopicModel model;
    private static TopicClassifier classifier;
    private static PredictionServer server;
    private static ChromeDriver driver;
    private static String base;
    private static String missingBrowser;

    private WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        missingBrowser = missingBrowser();
        if (missingBrowser != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(missingBrowser + " (CI is set, so the test may not be skipped)");
            }
            return; // each test skips, saying why
        }
        // texts of 40+ characters go to a long-text model with other thresholds: the page shows the ones that decide
        model = TestModels.withLongTexts(TestModels.small(Mode.MULTI), 40);
        classifier = new TopicClassifier(model);
        Path modelFile = dir.resolve("test.model");
        ModelFile.write(model, modelFile);
        server = PredictionServer.start(ServerConfig.of(modelFile).withPort(0), System.err::println);
        base = "http://127.0.0.1:" + server.port() + "/";

        Path profile = Files.createDirectory(dir.resolve("chromium-profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1360,1000", "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /**
     * Why the browser cannot run, or null. Without it the tests are skipped, but on CI (which
     * installs it) they fail.
     */
    private static String missingBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        return "the web page test needs " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver";
    }

    @AfterAll
    static void stop() {
        // the browser first, so its connections are closed before the server drains
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(missingBrowser == null, missingBrowser);
        wait = new WebDriverWait(driver, WAIT);
        driver.get(base);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("classify")));
        consoleErrors(); // only what this test causes counts
    }

    @Test
    void showsTheLabelsProbabilitiesAndHighlightsOfATypedArticle(TestInfo info) throws IOException {
        driver.findElement(By.id("title")).sendKeys(TITLE);
        driver.findElement(By.id("body")).sendKeys(BODY);
        driver.findElement(By.id("classify")).click();

        WebElement article = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .article")));
        Prediction expected = classifier.classify(TITLE, BODY);
        assertTrue(expected.labels().contains("conflict"), "the test model should tag the article conflict: " + expected.labels());
        assertEquals(expected.labels(), chips(article), "the label chips");
        assertEquals(1, driver.findElements(By.cssSelector("#results .article")).size());

        for (String label : classifier.labels()) {
            WebElement value = article.findElement(By.cssSelector(".prob[data-label=" + label + "] .prob-value"));
            double shown = percent(value.getText());
            double p = expected.probabilities().get(label) * 100;
            assertEquals(p, shown, 0.051, label + "'s probability shown as " + value.getText());
        }
        assertEquals("threshold 0.60", threshold(article, "diplomacy"), "a short text's threshold");

        article.findElement(By.cssSelector(".tab[data-label=conflict]")).click();
        wait.until(d -> "true".equals(article.findElement(By.cssSelector(".tab[data-label=conflict]")).getAttribute("aria-selected")));
        List<WebElement> marks = article.findElements(By.cssSelector("mark"));
        WebElement shelling = marks.stream().filter(m -> m.getText().equals("shelling")).findFirst()
                .orElseThrow(() -> new AssertionError("no highlighted 'shelling' among " + marks.stream().map(WebElement::getText).toList()));
        assertTrue(Double.parseDouble(shelling.getDomAttribute("data-weight")) > 0, "shelling pushes toward conflict");
        assertNotNull(shelling.getDomAttribute("title"), "a highlighted word tells its weight");
        assertEquals(TITLE, article.findElement(By.cssSelector(".article-title")).getText());
        assertTrue(article.findElement(By.cssSelector(".article-body")).getText().contains(BODY));

        // the model's name and version, as the API reports them
        assertEquals("test", driver.findElement(By.id("model-name")).getText());
        assertFalse(driver.findElement(By.id("model-version")).getText().isBlank());
        assertEquals(List.of(), consoleErrors(), "errors in the browser's console");
        screenshot(info, "typed-article");
    }

    @Test
    void showsTheServersMessageForAnEmptyArticle(TestInfo info) throws Exception {
        driver.findElement(By.id("classify")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        String message = serverError("{\"title\":\"\",\"body\":\"\"}");
        wait.until(ExpectedConditions.textToBePresentInElement(error, message));
        assertTrue(driver.findElements(By.cssSelector("#results .article")).isEmpty());
        assertEquals("alert", error.getDomAttribute("role"));
        screenshot(info, "error");
    }

    @Test
    void classifiesWithCtrlEnterAndShowsTheServersTextAsText() throws Exception {
        // markup the server keeps (it drops <tag> runs but not a comment): innerHTML would swallow it
        String body = "The envoy said <!-- more --> talks go on & on";
        driver.findElement(By.id("body")).sendKeys(body);
        driver.findElement(By.id("body")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        WebElement article = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .article")));
        assertEquals(classifier.classify("", body).labels(), chips(article));
        String normalized = classify(new ObjectMapper().createObjectNode().put("body", body).toString())
                .get("articles").get(0).get("highlight").get("body").get("text").asString();
        assertTrue(normalized.contains("<!--"), "the server keeps the comment: " + normalized);
        assertEquals(normalized, article.findElement(By.cssSelector(".article-body")).getText(),
                "the page shows the server's text, as text");
    }

    @Test
    void splitsARawPageFileIntoItsArticles(TestInfo info) throws IOException {
        Path page = dir.resolve("page.txt");
        Files.writeString(page, RAW_PAGE, StandardCharsets.UTF_8);
        List<Article> articles = new RawPageReader(false).read(RAW_PAGE, "raw").articles();
        assertEquals(2, articles.size(), "the sample page holds two articles");

        driver.findElement(By.id("file")).sendKeys(page.toAbsolutePath().toString());

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results .article"), 2));
        List<WebElement> shown = driver.findElements(By.cssSelector("#results .article"));
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            assertEquals(a.title(), shown.get(i).findElement(By.cssSelector(".article-title")).getText());
            assertEquals(classifier.classify(a.title(), a.text()).labels(), chips(shown.get(i)), "labels of " + a.title());
            assertEquals("threshold 0.50", threshold(shown.get(i), "diplomacy"), "the long-text model's threshold");
        }
        assertTrue(driver.findElement(By.id("error")).getDomAttribute("hidden") != null, "no error shown");
        assertEquals(List.of(), consoleErrors(), "errors in the browser's console");
        screenshot(info, "raw-page");
    }

    /** The title of a label's threshold tick: the threshold it shows. */
    private static String threshold(WebElement article, String label) {
        return article.findElement(By.cssSelector(".prob[data-label=" + label + "] .threshold")).getDomAttribute("title");
    }

    private static List<String> chips(WebElement article) {
        return article.findElements(By.cssSelector(".labels .label")).stream().map(WebElement::getText).toList();
    }

    /** The browser console's errors since the last call (script errors, failed loads). */
    private static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private static double percent(String text) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%").matcher(text);
        assertTrue(m.find(), "a probability in percent: '" + text + "'");
        return Double.parseDouble(m.group(1));
    }

    /** The server's own error message for a request body, asked without the page. */
    private static String serverError(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = post(json);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = new ObjectMapper().readTree(response.body()).get("error");
        assertNotNull(error, response.body());
        return error.asString();
    }

    /** The server's answer to a request body, as the page asks it. */
    private static JsonNode classify(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = post(json);
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    private static HttpResponse<String> post(String json) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(base + "v1/classify?explain=5&highlight=true"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void screenshot(TestInfo info, String name) throws IOException {
        Path folder = Path.of(System.getProperty("newstopic.e2e.screenshots", "target/e2e-screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name.toLowerCase(Locale.ROOT) + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        System.err.println(info.getDisplayName() + ": screenshot " + file.toAbsolutePath());
    }
}
