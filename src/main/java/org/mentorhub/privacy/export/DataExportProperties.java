package org.mentorhub.privacy.export;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the download of one's data ({@code mentorhub.privacy.export}).
 * @param workDir where the job writes the ZIP before it goes to the file store (one temporary file per
 * download being built, deleted when the build ends, also when it fails); the JVM's temporary directory
 * ({@code java.io.tmpdir}) when not set. Choose a directory on disk with room for the largest download: a
 * {@code /tmp} on tmpfs holds the files in memory.
 */
@ConfigurationProperties("mentorhub.privacy.export")
record DataExportProperties(Path workDir) {

	/** The directory of the temporary files. */
	Path directory() {
		return this.workDir != null ? this.workDir : Path.of(System.getProperty("java.io.tmpdir"));
	}

}
