package org.mentorhub.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The pages show one action at a time: a form sits in a closed {@code <details>} (its summary is the
 * action's button, fragments/confirm.html) until a person opens it. Tests open it as a person would.
 */
public final class Disclosure {

	private Disclosure() {
	}

	/** Clicks the button of every closed {@code <details>} around the element with this id. */
	public static void openAround(WebDriver driver, String id) {
		for (WebElement details : Browser.findNow(driver, By.xpath("//*[@id='" + id + "']/ancestor::details"))) {
			if (details.getAttribute("open") == null) {
				details.findElement(By.tagName("summary")).click();
			}
		}
	}

}
