package org.mentorhub.platform;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys of {@link SecretBox} ({@code mentorhub.crypto.*}, QUALITY S11).
 *
 * @param keys AES-256 keys by id: {@code mentorhub.crypto.keys.<id>=<base64 of 32 bytes>}; ids are 1 to 32
 * letters, digits, {@code -} or {@code _}
 * @param activeKey the id of the key that encrypts new values; the others only decrypt (rotation)
 * @param keyDirectory where the generated key file lives when no key is configured (created with
 * owner-only permissions)
 */
@ConfigurationProperties("mentorhub.crypto")
public record CryptoProperties(Map<String, String> keys, String activeKey,
		@DefaultValue("./data/keys") Path keyDirectory) {

	public CryptoProperties {
		keys = keys == null ? Map.of() : Map.copyOf(keys);
	}

}
