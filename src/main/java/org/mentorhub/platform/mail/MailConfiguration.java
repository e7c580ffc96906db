package org.mentorhub.platform.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/** Plain-text mail templates ({@code templates/mail/*.txt}), beside Boot's HTML resolver. */
	@Bean
	ClassLoaderTemplateResolver mailTextTemplateResolver() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix("");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setResolvablePatterns(java.util.Set.of("mail/*.txt"));
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(1);
		return resolver;
	}

}
