package org.mentorhub.attachment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file store: the filesystem one unless another {@link FileStore} bean is defined. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FileStorageProperties.class)
class AttachmentConfiguration {

	@Bean
	@ConditionalOnMissingBean(FileStore.class)
	FileStore fileStore(FileStorageProperties properties) {
		return new FilesystemFileStore(properties.root());
	}

}
