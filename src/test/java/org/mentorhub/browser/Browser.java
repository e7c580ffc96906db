package org.mentorhub.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * JUnit extension that gives each browser test a fresh headless Chromium (Debian's {@code chromium}
 * and {@code chromium-driver}) and saves a screenshot and the page source to
 * {@code target/browser-failures/} when a test fails.
 * <p>
 * The tests run when {@code mentorhub.browser} is {@code true}, are disabled when it is
 * {@code false}, and with {@code auto} (the default) run when the driver is installed. CI sets
 * {@code true}, so a missing browser fails CI instead of skipping.
 */
public final class Browser implements ExecutionCondition, BeforeEachCallback, AfterTestExecutionCallback,
		AfterEachCallback, ParameterResolver {

	static final Path CHROMIUM = Path.of(System.getProperty("mentorhub.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("mentorhub.chromedriver", "/usr/bin/chromedriver"));

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String mode = System.getProperty("mentorhub.browser", "auto").trim().toLowerCase(Locale.ROOT);
		if (mode.equals("true")) {
			return ConditionEvaluationResult.enabled("mentorhub.browser=true");
		}
		if (mode.equals("false")) {
			return ConditionEvaluationResult.disabled("mentorhub.browser=false");
		}
		return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM)
				? ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed")
				: ConditionEvaluationResult.disabled("Chromium or ChromeDriver missing; install Debian's chromium and "
						+ "chromium-driver or run .ci/run");
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		drivers(context).add(start());
	}

	/** The browsers of the running test: the first is made before it, more when it asks for them. */
	@SuppressWarnings("unchecked")
	private static List<WebDriver> drivers(ExtensionContext context) {
		return context.getStore(NAMESPACE).getOrComputeIfAbsent(List.class, key -> new ArrayList<WebDriver>(), List.class);
	}

	/** How long a lookup waits for an element to appear (WebDriver's implicit wait). */
	static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

	/**
	 * The elements the page has now, without the implicit wait: for asserting that something is absent,
	 * which would otherwise always cost the whole wait.
	 */
	public static List<org.openqa.selenium.WebElement> findNow(WebDriver driver, org.openqa.selenium.By by) {
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return driver.findElements(by);
		}
		finally {
			driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
		}
	}

	private static WebDriver start() throws IOException {
		Path profile = Files.createTempDirectory("mentorhub-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile,
				// Bootstrap scrolls smoothly unless reduced motion is asked for; WebDriver clicks where an
				// element is before the scroll ends, so a button below the fold would get "click intercepted".
				"--force-prefers-reduced-motion");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
		return driver;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) throws IOException {
		if (context.getExecutionException().isEmpty()) {
			return;
		}
		Path dir = Path.of("target", "browser-failures");
		Files.createDirectories(dir);
		List<WebDriver> drivers = drivers(context);
		for (int i = 0; i < drivers.size(); i++) {
			String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
					+ (i == 0 ? "" : "-" + (i + 1));
			WebDriver driver = drivers.get(i);
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<WebDriver> drivers = drivers(context);
		drivers.forEach(WebDriver::quit);
		drivers.clear();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == WebDriver.class;
	}

	/**
	 * The test's browser; a test with several {@link WebDriver} parameters gets a browser of its own
	 * for each (two people at once, each signed in in their own browser).
	 */
	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		int index = 0;
		java.lang.reflect.Parameter[] all = parameter.getDeclaringExecutable().getParameters();
		for (int i = 0; i < parameter.getIndex(); i++) {
			if (all[i].getType() == WebDriver.class) {
				index++;
			}
		}
		List<WebDriver> drivers = drivers(context);
		try {
			while (drivers.size() <= index) {
				drivers.add(start());
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return drivers.get(index);
	}

}
