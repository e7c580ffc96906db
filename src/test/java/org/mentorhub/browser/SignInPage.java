package org.mentorhub.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in page, as a page object. */
public final class SignInPage {

	private final WebDriver driver;

	private SignInPage(WebDriver driver) {
		this.driver = driver;
	}

	/** Opens the sign-in page of the app at {@code baseUrl}. */
	public static SignInPage open(WebDriver driver, String baseUrl) {
		driver.get(baseUrl + "/login");
		return new SignInPage(driver);
	}

	/** Types the credentials, submits the form and waits until the answer page has loaded. */
	public void signIn(String login, String password) {
		String before = this.driver.getCurrentUrl();
		this.driver.findElement(By.id("username")).sendKeys(login);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
	}

}
