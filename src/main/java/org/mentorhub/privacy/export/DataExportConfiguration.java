package org.mentorhub.privacy.export;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the settings of the download of one's data. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataExportProperties.class)
class DataExportConfiguration {

}
