package org.mentorhub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A full-stack test over real HTTP (random port) and MockMvc whose application clock is a
 * {@link MutableClock}. Every class with this annotation shares one application context, so each
 * test must {@link MutableClock#reset()} the clock before it moves it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MentorHubServerTest
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
public @interface TimeTravelTest {

}
