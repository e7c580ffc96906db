package org.mentorhub.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Boot's multipart resolver, except that it leaves the error dispatch alone. An upload above
 * {@code spring.servlet.multipart.max-file-size} fails to parse and is answered 413; without this,
 * the error dispatch parses the same body again, fails again, and the 413 goes out empty instead of
 * as problem JSON or the error page.
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {

	@Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
	StandardServletMultipartResolver multipartResolver(MultipartProperties properties) {
		StandardServletMultipartResolver resolver = new StandardServletMultipartResolver() {
			@Override
			public boolean isMultipart(HttpServletRequest request) {
				return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
			}
		};
		resolver.setResolveLazily(properties.isResolveLazily());
		resolver.setStrictServletCompliance(properties.isStrictServletCompliance());
		return resolver;
	}

}
