package org.mentorhub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full-stack test against a real database: H2 by default, or the PostgreSQL or MariaDB server
 * named by the system property {@code mentorhub.test.db} (see README, "Tests on every database").
 * The whole application starts with MockMvc, Flyway migrates and the demo data loads. The data source
 * counts each thread's statements ({@link StatementCounter}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
@ActiveProfiles(resolver = TestDatabase.class)
public @interface MentorHubIntegrationTest {

}
