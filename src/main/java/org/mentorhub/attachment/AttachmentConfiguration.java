package org.mentorhub.attachment;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The file store, as {@code mentorhub.files.store} names it (filesystem by default, s3 or database),
 * unless another {@link FileStore} bean is defined.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FileStorageProperties.class)
class AttachmentConfiguration {

	@Bean
	FileStores fileStores(FileStorageProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			Clock clock) {
		return new FileStores(properties, jdbc, transactions, clock);
	}

	@Bean
	@ConditionalOnMissingBean(FileStore.class)
	FileStore fileStore(FileStores stores, FileStorageProperties properties) {
		return stores.create(properties.store());
	}

}
