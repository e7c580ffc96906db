package org.mentorhub.profile;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.mentorhub.platform.InvalidInputException;

/**
 * Turns an uploaded picture into an avatar with plain {@code javax.imageio} and Java 2D: the
 * dimensions are read from the header first, so that a small file claiming a huge image (a
 * decompression bomb) is refused before any pixels are decoded; then the first frame is decoded,
 * cropped to a centred square, scaled in halving steps with bicubic interpolation to
 * {@value #SIZE}×{@value #SIZE} and encoded afresh: PNG when it has transparency, JPEG otherwise.
 * Re-encoding keeps only pixels, so metadata (EXIF, GPS) and anything hidden after or inside the
 * original file (a polyglot's script or archive) are gone.
 */
final class AvatarImages {

	/** The side of an avatar, in pixels. */
	static final int SIZE = 256;

	/** The largest width or height accepted. */
	static final int MAX_SIDE = 4000;

	private static final String FIELD = "file";

	private AvatarImages() {
	}

	/** An encoded avatar. */
	record Encoded(byte[] bytes, String mimeType, String fileName) {
	}

	/** Reads the picture (of the detected media type) and returns the avatar, or fails with a 400. */
	static Encoded toAvatar(byte[] content, String mimeType) {
		BufferedImage source = read(content, mimeType);
		BufferedImage avatar = coverSquare(source, SIZE);
		try {
			if (avatar.getColorModel().hasAlpha()) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				if (!ImageIO.write(avatar, "png", out)) {
					throw new IllegalStateException("No PNG writer");
				}
				return new Encoded(out.toByteArray(), "image/png", "avatar.png");
			}
			return new Encoded(jpeg(avatar, 0.9f), "image/jpeg", "avatar.jpg");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not encode an avatar", ex);
		}
	}

	/** Decodes the first image, after checking its dimensions from the header. */
	static BufferedImage read(byte[] content, String mimeType) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mimeType);
		if (!readers.hasNext()) {
			throw unreadable();
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
			reader.setInput(in, true, true);
			int width;
			int height;
			try {
				width = reader.getWidth(0);
				height = reader.getHeight(0);
			}
			catch (IOException | RuntimeException ex) {
				throw unreadable();
			}
			if (width > MAX_SIDE || height > MAX_SIDE) {
				throw new InvalidInputException(FIELD, "The picture is " + width + " × " + height
						+ " pixels; the largest accepted is " + MAX_SIDE + " × " + MAX_SIDE + ". Choose a smaller one.");
			}
			if (width < 1 || height < 1) {
				throw unreadable();
			}
			try {
				BufferedImage image = reader.read(0);
				if (image == null || image.getWidth() != width || image.getHeight() != height) {
					throw unreadable();
				}
				return image;
			}
			catch (IOException | RuntimeException ex) {
				if (ex instanceof InvalidInputException invalid) {
					throw invalid;
				}
				throw unreadable();
			}
		}
		catch (IOException ex) {
			throw unreadable();
		}
		finally {
			reader.dispose();
		}
	}

	/** The centred square of the image, scaled to {@code size}×{@code size}. */
	static BufferedImage coverSquare(BufferedImage source, int size) {
		int side = Math.min(source.getWidth(), source.getHeight());
		BufferedImage current = source.getSubimage((source.getWidth() - side) / 2, (source.getHeight() - side) / 2,
				side, side);
		int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		int currentSide = side;
		// Halving steps keep the detail of large pictures that one bicubic step would alias away.
		while (currentSide / 2 >= size) {
			currentSide /= 2;
			current = scale(current, currentSide, type);
		}
		return scale(current, size, type);
	}

	private static BufferedImage scale(BufferedImage source, int side, int type) {
		BufferedImage target = new BufferedImage(side, side, type);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
			g.drawImage(source, 0, 0, side, side, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static InvalidInputException unreadable() {
		return new InvalidInputException(FIELD,
				"This picture could not be read. Upload a PNG, JPEG or GIF image that opens in an image viewer.");
	}

}
