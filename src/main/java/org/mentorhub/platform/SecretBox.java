package org.mentorhub.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest of secrets in the database (QUALITY S11: OAuth tokens, support-chat messages,
 * private notes): AES-256-GCM with a random 96-bit nonce per value and a 128-bit tag. A sealed value
 * is the id of the key that sealed it (store it in the row) and the base64 of nonce followed by
 * ciphertext and tag. Keys come from {@code mentorhub.crypto.keys.<id>} with
 * {@code mentorhub.crypto.active-key}; without configured keys, one is generated on the first run
 * and kept in {@code <key-directory>/secret-box.properties} (owner read/write only). Rotation: add a
 * new key, make it active; rows sealed with an older key stay readable as long as that key is
 * configured. A changed or truncated ciphertext, a wrong key or a wrong context is refused with
 * {@link TamperedException}, never answered with garbage.
 */
@Component
public class SecretBox {

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	private static final String CIPHER = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	static final String KEY_FILE = "secret-box.properties";

	private final SecureRandom random = new SecureRandom();

	private final Map<String, SecretKey> keys;

	private final String activeKeyId;

	/** A sealed value: the key's id and the base64 of nonce, ciphertext and tag. */
	public record Sealed(String keyId, String ciphertext) {
	}

	/** The value cannot be opened: it was changed, or sealed with another key or for another context. */
	public static class TamperedException extends RuntimeException {

		TamperedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** A box with the configured keys (or the generated key file); public for tools and test fixtures. */
	public SecretBox(CryptoProperties properties) {
		Map<String, SecretKey> loaded = new LinkedHashMap<>();
		Path file = properties.keyDirectory().resolve(KEY_FILE);
		String active = properties.activeKey();
		if (properties.keys().isEmpty() && Files.notExists(file)) {
			generate(file);
		}
		String fileActive = null;
		if (Files.exists(file)) {
			Properties stored = read(file);
			fileActive = stored.getProperty("active");
			for (String name : stored.stringPropertyNames()) {
				if (name.startsWith("key.")) {
					loaded.put(name.substring(4), key(name.substring(4), stored.getProperty(name)));
				}
			}
		}
		properties.keys().forEach((id, base64) -> loaded.put(id, key(id, base64)));
		if (active == null || active.isBlank()) {
			active = properties.keys().size() == 1 ? properties.keys().keySet().iterator().next() : fileActive;
		}
		if (active == null || !loaded.containsKey(active)) {
			throw new IllegalStateException("mentorhub.crypto.active-key must name one of the keys " + loaded.keySet());
		}
		this.keys = Map.copyOf(loaded);
		this.activeKeyId = active;
	}

	/** The id of the key that seals new values. */
	public String activeKeyId() {
		return this.activeKeyId;
	}

	/** Seals a text with the active key. */
	public Sealed seal(String plaintext) {
		return seal(plaintext, "");
	}

	/**
	 * Seals a text with the active key, bound to a context (e.g. {@code "session_notes.content"}): it
	 * only opens with the same context, so a value copied to another column is refused.
	 */
	public Sealed seal(String plaintext, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] all = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, all, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
			return new Sealed(this.activeKeyId, Base64.getEncoder().encodeToString(all));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** Opens a value sealed without a context. */
	public String open(String keyId, String ciphertext) {
		return open(keyId, ciphertext, "");
	}

	/** Opens a sealed value; {@link TamperedException} when it does not authenticate or the key is unknown. */
	public String open(String keyId, String ciphertext, String context) {
		SecretKey key = keyId == null ? null : this.keys.get(keyId);
		if (key == null) {
			throw new TamperedException("Unknown key id " + keyId, null);
		}
		byte[] all;
		try {
			all = Base64.getDecoder().decode(ciphertext);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new TamperedException("The sealed value is not base64", ex);
		}
		if (all.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new TamperedException("The sealed value is too short", null);
		}
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new TamperedException("The sealed value does not authenticate", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new TamperedException("The sealed value cannot be opened", ex);
		}
	}

	/**
	 * Opens a value sealed with any key of the ring and seals it again with the active key, for the same
	 * context (key rotation); {@link TamperedException} as {@link #open(String, String, String)}.
	 */
	public Sealed reseal(String keyId, String ciphertext, String context) {
		return seal(open(keyId, ciphertext, context), context);
	}

	/** The ids of every key in the ring (the active one and those that only open older values). */
	public Set<String> keyIds() {
		return this.keys.keySet();
	}

	private static SecretKey key(String id, String base64) {
		if (!KEY_ID.matcher(id).matches()) {
			throw new IllegalStateException("A key id of mentorhub.crypto.keys is 1-32 letters, digits, - or _: " + id);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Key " + id + " is not base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("Key " + id + " must be 32 bytes (AES-256), is " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private void generate(Path file) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String id = "local-" + HexFormat.of().formatHex(bytes, 0, 4);
		Properties stored = new Properties();
		stored.setProperty("active", id);
		stored.setProperty("key." + id, Base64.getEncoder().encodeToString(bytes));
		try {
			Files.createDirectories(file.getParent());
			Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
			boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
			if (posix) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
			}
			else {
				Files.createFile(file);
			}
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
				stored.store(out, "MentorHub SecretBox keys (AES-256-GCM). Back this file up with the database: "
						+ "without it, encrypted values cannot be read.");
			}
			log.warn("No mentorhub.crypto.keys configured: generated key {} in {}", id, file.toAbsolutePath());
		}
		catch (FileAlreadyExistsException ex) {
			// Another instance generated it first: use theirs.
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the generated key file " + file, ex);
		}
	}

	private static Properties read(Path file) {
		Properties stored = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			stored.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the key file " + file, ex);
		}
		return stored;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CryptoProperties.class)
	static class CryptoConfiguration {

	}

}
