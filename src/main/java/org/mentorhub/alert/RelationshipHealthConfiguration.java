package org.mentorhub.alert;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link RelationshipHealthProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelationshipHealthProperties.class)
class RelationshipHealthConfiguration {
}
