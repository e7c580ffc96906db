package org.mentorhub.attachment;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;

import org.mentorhub.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Opaque private archives in the one file store: bytes that belong to no record and have no
 * {@code attachments} row, kept for a short time by a module that records their key itself, such as the ZIP
 * of a download of a person's data (privacy module). The bytes are streamed into the {@link FileStore}
 * (without holding them in memory where the store allows) under a generated key of their own form
 * ({@code 3f/3f2a...9c.archive}), so an archive key never opens an attachment and an attachment's key
 * never opens through here. No content checks, quota or names: the caller made the bytes itself and
 * answers for who gets them. The keeper deletes its archives; nothing else does (the copy between stores
 * copies {@code attachments} rows only).
 */
@Service
public class PrivateArchives {

	private static final Logger log = LoggerFactory.getLogger(PrivateArchives.class);

	static final String EXTENSION = ".archive";

	private static final Pattern KEY = Pattern.compile("^[0-9a-f]{2}/[0-9a-f]{32}\\.archive$");

	private final FileStore store;

	PrivateArchives(FileStore store) {
		this.store = store;
	}

	/**
	 * Stores exactly {@code size} bytes read from the stream under a new key and returns it. Fails, leaving
	 * nothing stored, when the store refuses or the stream holds more or fewer bytes. The caller closes the
	 * stream.
	 */
	public String store(InputStream content, long size) {
		if (size < 0) {
			throw new IllegalArgumentException("An archive's size cannot be negative");
		}
		String key = FileStoreKeys.generate(EXTENSION);
		Counting counted = new Counting(content);
		try {
			this.store.write(key, counted, size);
			if (counted.count != size || counted.read() != -1) {
				throw new IOException("The archive's stream does not hold the " + size + " bytes announced");
			}
			return key;
		}
		catch (IOException | RuntimeException ex) {
			delete(key);
			throw ex instanceof IOException io ? new UncheckedIOException("Could not store an archive", io)
					: (RuntimeException) ex;
		}
	}

	/** Opens an archive; "not found" when its bytes are gone. The caller closes the stream. */
	public InputStream open(String key) {
		try {
			return this.store.open(require(key));
		}
		catch (FileNotFoundException | NoSuchFileException ex) {
			throw new NotFoundException("Archive not found");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open an archive", ex);
		}
	}

	/**
	 * Deletes an archive now (the store is not transactional). Returns whether its bytes are gone (also when
	 * there were none); false when the store failed, which is logged, so the keeper keeps the key and tries
	 * again later. A key not of an archive's form is refused (an {@link IllegalArgumentException}).
	 */
	public boolean delete(String key) {
		require(key);
		try {
			this.store.delete(key);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete a stored archive", ex);
			return false;
		}
	}

	private static String require(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not an archive key");
		}
		return key;
	}

	/** Counts the bytes the store read; no mark and reset (a store that retries buffers itself), so none is counted twice. */
	private static final class Counting extends FilterInputStream {

		long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		@Override
		public synchronized void mark(int limit) {
		}

		@Override
		public synchronized void reset() throws IOException {
			throw new IOException("mark and reset are not supported");
		}

		@Override
		public void close() {
			// The caller closes the stream it gave.
		}

	}

}
