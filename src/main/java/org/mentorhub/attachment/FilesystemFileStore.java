package org.mentorhub.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Files in a directory tree ({@code mentorhub.files.root}, by default {@code ./data/files}), never
 * inside the application's static resources or templates. A key is two hex digits, a slash, 32 hex
 * digits and an optional short extension ({@code 3f/3f2a...9c.png}); anything else, such as
 * {@code ../} or an absolute path, is refused before the file system is touched, and the resolved
 * path must still lie under the root (symbolic links included).
 */
class FilesystemFileStore implements FileStore {

	static final Pattern KEY = FileStoreKeys.KEY;

	private final Path root;

	FilesystemFileStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	Path root() {
		return this.root;
	}

	@Override
	public void write(String key, byte[] content) throws IOException {
		write(key, new java.io.ByteArrayInputStream(content), content.length);
	}

	@Override
	public void write(String key, InputStream content, long size) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		requireUnderRoot(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), ".upload-", ".part");
		try {
			Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				throw new FileAlreadyExistsException(key);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		Path path = resolve(key);
		requireUnderRoot(path);
		return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
	}

	@Override
	public void delete(String key) throws IOException {
		Path path = resolve(key);
		if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			requireUnderRoot(path.getParent());
		}
		Files.deleteIfExists(path);
	}

	@Override
	public boolean exists(String key) throws IOException {
		return Files.isRegularFile(resolve(key), LinkOption.NOFOLLOW_LINKS);
	}

	@Override
	public String toString() {
		return "the directory " + this.root;
	}

	/** The path of a key; refuses keys not of the generated form and paths that leave the root. */
	Path resolve(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a file store key");
		}
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || path.equals(this.root)) {
			throw new IllegalArgumentException("Not a file store key");
		}
		return path;
	}

	/** Fails unless the real path (links followed) is under the real root. */
	private void requireUnderRoot(Path path) throws IOException {
		Path realRoot = this.root.toRealPath();
		if (!path.toRealPath().startsWith(realRoot)) {
			throw new IOException("A stored file resolves outside the file store");
		}
	}

}
