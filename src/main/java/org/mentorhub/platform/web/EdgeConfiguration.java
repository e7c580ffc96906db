package org.mentorhub.platform.web;

import jakarta.servlet.DispatcherType;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Where a request enters MentorHub (docs/security.md, "At the edge"): its id for the log, the
 * bound on its body, the hygiene of its text, and Tomcat's own error answers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBodyLimits.class)
class EdgeConfiguration {

	/** First of all, so that every line logged for the request, the error dispatch included, carries its id. */
	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * Outside Spring Session's filter and the security chain, which read the database first: when it cannot
	 * be reached, every request ends here as a 503 (QUALITY R1).
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
			org.springframework.beans.factory.ObjectProvider<javax.sql.DataSource> dataSource) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(dataSource));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/** Before anything reads the body (Spring's form filters, the security chain's CSRF check). */
	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodyLimits limits,
			MultipartProperties multipart) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(limits.small(), limits.standard(), multipart.getMaxRequestSize()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** After the security chain: who may not call a route is refused before its input is looked at. */
	@Bean
	FilterRegistrationBean<InputHygieneFilter> inputHygieneFilter() {
		FilterRegistrationBean<InputHygieneFilter> registration = new FilterRegistrationBean<>(new InputHygieneFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

	/** Tomcat's own error answers (a bad request line, %00 in the path) in our shape, not its HTML page. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				// Boot adds a plain ErrorReportValve (no report, no server info) to the host; ours replaces it.
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorReportValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ContainerErrorReportValve());
				host.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
			}
		});
	}

}
