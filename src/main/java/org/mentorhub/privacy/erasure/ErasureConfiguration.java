package org.mentorhub.privacy.erasure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the erasure settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasureProperties.class)
class ErasureConfiguration {

}
