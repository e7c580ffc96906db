package org.mentorhub.platform.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Over real HTTP (MockMvc has neither Tomcat's response buffer nor Spring Session's filter): a signed-in page
 * larger than the response buffer, which commits the response while the view is written, reads its session
 * from the store once, not twice ({@link CoarseAccessTimeSessionRepository.ReadOnce}).
 */
@MentorHubServerTest
@Import(SessionReadOnceIntegrationTests.CountingSessionReads.class)
class SessionReadOnceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignedInPageLargerThanEightKilobytesReadsItsSessionOnce() {
		Account mentor = aUniversity().withDepartment("CS")
			.build(this.jdbc)
			.aMentor()
			.inDepartment("CS")
			.withMentorProfile(2)
			.create(this.jdbc);
		HttpTestClient client = new HttpTestClient(this.port);
		client.signIn(mentor.email(), TestAccounts.PASSWORD);
		assertThat(client.get("/").statusCode()).isEqualTo(200);

		int before = CountingSessionReads.READS.get();
		HttpResponse<String> page = client.get("/sessions");
		int reads = CountingSessionReads.READS.get() - before;

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"signed-in-as\"");
		assertThat(page.body().length()).as("the page is larger than Tomcat's response buffer").isGreaterThan(8 * 1024);
		assertThat(reads).as("session reads of one page").isEqualTo(1);
	}

	/** Counts the reads of Spring Session's JDBC repository, on every thread (the requests run on Tomcat's). */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingSessionReads {

		static final AtomicInteger READS = new AtomicInteger();

		@Bean
		static BeanPostProcessor countSessionReads() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					// Spring Session's JDBC repository, in a class proxy so that the platform still finds it by its
					// type, whichever of this and the platform's wrapper comes first.
					if (bean instanceof JdbcIndexedSessionRepository) {
						return counting(bean);
					}
					if (bean instanceof CoarseAccessTimeSessionRepository<?> coarse) {
						return new CoarseAccessTimeSessionRepository<>(
								(JdbcIndexedSessionRepository) counting(ReflectionTestUtils.getField(coarse, "delegate")),
								(Duration) ReflectionTestUtils.getField(coarse, "granularity"));
					}
					return bean;
				}

				private Object counting(Object repository) {
					if (AopUtils.isAopProxy(repository)) {
						return repository;
					}
					ProxyFactory factory = new ProxyFactory(repository);
					factory.setProxyTargetClass(true);
					factory.addAdvice((MethodInterceptor) invocation -> {
						if (invocation.getMethod().getName().equals("findById")) {
							READS.incrementAndGet();
						}
						return invocation.proceed();
					});
					return factory.getProxy();
				}

			};
		}

	}

}
