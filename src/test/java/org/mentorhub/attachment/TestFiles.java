package org.mentorhub.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Files for tests: pictures made with Java 2D, and stored attachments planted directly (file and
 * row) for fixtures that may only use the database, such as the authorization matrix's. The tests'
 * file store root is {@code target/test-files} ({@code application-test.yml}).
 */
public final class TestFiles {

	/** The file store root of the tests, as configured in {@code application-test.yml}. */
	public static final Path ROOT = Path.of("target/test-files");

	private TestFiles() {
	}

	/** Writes bytes under a generated key and inserts the attachment row; returns the row's id. */
	public static long plant(JdbcClient jdbc, String relatedType, long relatedId, Long institutionId, Long ownerId,
			String fileName, String mimeType, byte[] content) {
		String key = write(".bin", content);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO attachments (institution_id, related_type, related_id, owner_id, file_name, mime_type, "
				+ "size_bytes, storage_path, sha256) VALUES (:i, :t, :r, :o, :n, :m, :s, :p, :h)")
			.param("i", institutionId)
			.param("t", relatedType)
			.param("r", relatedId)
			.param("o", ownerId)
			.param("n", fileName)
			.param("m", mimeType)
			.param("s", content.length)
			.param("p", key)
			.param("h", HexFormat.of().formatHex(new byte[32]).replace('0', 'a'))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Writes bytes as a private archive of the file store ({@link PrivateArchives}), as a ZIP of a download of
	 * one's data is kept; returns its key.
	 */
	public static String plantArchive(byte[] content) {
		return write(PrivateArchives.EXTENSION, content);
	}

	/** Whether the file store holds bytes under the key. */
	public static boolean stored(String key) {
		return Files.isRegularFile(ROOT.resolve(key));
	}

	private static String write(String extension, byte[] content) {
		String hex = UUID.randomUUID().toString().replace("-", "");
		String key = hex.substring(0, 2) + "/" + hex + extension;
		try {
			Path path = ROOT.resolve(key);
			Files.createDirectories(path.getParent());
			Files.write(path, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return key;
	}

	/** A picture of the given size: the left half red, the right half blue (with alpha: half transparent). */
	public static byte[] picture(String format, int width, int height, boolean alpha) {
		BufferedImage image = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(alpha ? new Color(255, 0, 0, 128) : Color.RED);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(Color.BLUE);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		return encode(image, format);
	}

	/** Encodes an image with ImageIO ({@code png}, {@code jpeg}, {@code gif}). */
	public static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
