package org.mentorhub.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The user menu of the page layout (account, security, tokens, sign-out), as a page object. */
public final class UserMenu {

	private UserMenu() {
	}

	/** Opens the menu and clicks its entry with this id ({@code nav-account}, {@code sign-out}, ...). */
	public static void choose(WebDriver driver, String id) {
		driver.findElement(By.id("user-menu-button")).click();
		WebElement item = new WebDriverWait(driver, Duration.ofSeconds(5))
			.until(ExpectedConditions.elementToBeClickable(By.id(id)));
		item.click();
	}

	/** Signs out through the menu and waits for the sign-in page. */
	public static void signOut(WebDriver driver) {
		choose(driver, "sign-out");
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/login?logout"));
	}

}
