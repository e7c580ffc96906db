package org.mentorhub.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.mentorhub.MentorHubServerTest;

/**
 * A browser test: the whole application on a random port, on the test database, driven by a
 * headless Chromium through {@link Browser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MentorHubServerTest
@ExtendWith(Browser.class)
public @interface BrowserTest {

}
