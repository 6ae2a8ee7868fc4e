package com.peptalk.testsupport;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven by Selenium for real-browser tests. Test tools cannot download browsers here, so the
 * browser and driver paths are explicit ({@code -Dchromium.binary}, {@code -Dchromium.driver}) and Selenium Manager
 * stays offline. A missing browser fails the test with the command that installs it, never skips it.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts a headless Chromium with a fresh profile; screenshots go to {@code screenshots}. */
    public static HeadlessChromium start(Path screenshots) {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Real-browser tests need Chromium and its driver at " + BINARY + " and "
                    + DRIVER + ": run `apt-get install chromium chromium-driver` (CI installs them), or point "
                    + "-Dchromium.binary and -Dchromium.driver at them.");
        }
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
        try {
            Path profile = Files.createTempDirectory("peptalk-chromium-");
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, profile, screenshots);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code <name>.png} (a build artifact). */
    public Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        catch (IOException ignored) {
            // a temporary profile; the OS cleans it up
        }
    }
}
