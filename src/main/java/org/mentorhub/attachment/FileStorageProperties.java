package org.mentorhub.attachment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded files are kept ({@code mentorhub.files.*}, docs/attachments.md).
 *
 * @param store which {@link FileStore} holds the bytes: the filesystem (the default, one instance),
 * S3-compatible object storage or the database (several instances sharing files)
 * @param root the directory of the filesystem store; keep it outside the web root and back it up
 * with the database
 * @param quotaPerOwner the most one user may have stored in all (QUALITY S10)
 * @param maxFileSize the largest attachment of a session, feedback, goal, goal update or mentorship (the
 * servlet's multipart limit, {@code spring.servlet.multipart.max-file-size}, must not be smaller)
 * @param s3 the S3-compatible store's bucket, endpoint and credentials
 * @param migrate the command that copies the files of one store into another ({@link FileStoreMigration})
 */
@ConfigurationProperties("mentorhub.files")
record FileStorageProperties(@DefaultValue("filesystem") Kind store, @DefaultValue("./data/files") Path root,
		@DefaultValue("100MB") DataSize quotaPerOwner, @DefaultValue("10MB") DataSize maxFileSize,
		@DefaultValue S3 s3, @DefaultValue Migrate migrate) {

	/** The kinds of store, as {@code mentorhub.files.store} names them. */
	enum Kind {

		FILESYSTEM, S3, DATABASE

	}

	/**
	 * The S3-compatible store ({@code mentorhub.files.s3.*}). Give the secret through the environment
	 * ({@code MENTORHUB_FILES_S3_SECRET_KEY}) or leave both keys empty for the SDK's default chain (its
	 * environment variables, profile or instance role); never commit it.
	 *
	 * @param endpoint the service's URL, for MinIO, Ceph or any other S3-compatible server (empty: AWS
	 * itself, by region)
	 * @param region the signing region (MinIO and Ceph accept any)
	 * @param bucket the bucket, which must exist
	 * @param prefix put before every key ({@code mentorhub/}), to share a bucket
	 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what
	 * MinIO and Ceph need
	 * @param accessKey the access key id, or empty for the default chain
	 * @param secretKey the secret access key, or empty for the default chain
	 * @param callTimeout the longest one call may take, retries included (a download's body is read after it)
	 * @param attemptTimeout the longest one attempt may take
	 */
	record S3(URI endpoint, @DefaultValue("us-east-1") String region, String bucket, @DefaultValue("") String prefix,
			@DefaultValue("true") boolean pathStyle, String accessKey, String secretKey,
			@DefaultValue("60s") Duration callTimeout, @DefaultValue("20s") Duration attemptTimeout) {

		@Override
		public String toString() {
			return "S3[endpoint=" + this.endpoint + ", region=" + this.region + ", bucket=" + this.bucket + ", prefix="
					+ this.prefix + ", pathStyle=" + this.pathStyle + "]";
		}

	}

	/**
	 * The copy of every file from one store into another ({@code mentorhub.files.migrate.*},
	 * docs/operations.md).
	 *
	 * @param from the store the files are in now
	 * @param to the store to copy them into; the command runs at start-up only when this is set
	 * @param exit whether the application stops once the copy is done (exit code 0, or 1 when a file
	 * could not be copied)
	 */
	record Migrate(Kind from, Kind to, @DefaultValue("true") boolean exit) {
	}

}
