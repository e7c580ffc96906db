package org.mentorhub.attachment;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.util.StringUtils;

/**
 * Files in a bucket of S3 or of any S3-compatible server (MinIO, Ceph), through the AWS SDK v2
 * ({@code mentorhub.files.store=s3}, {@code mentorhub.files.s3.*}). Every instance reads and writes
 * the same bucket, so a file uploaded through one downloads through any other. Downloads stream the
 * object's body to the caller; uploads send the checked bytes (at most
 * {@code mentorhub.files.max-file-size}), and the copy between stores streams with the size known.
 * Keys are checked as every store checks them ({@link FileStoreKeys}) and go under the configured
 * prefix. Every call has a timeout (R7).
 */
class S3FileStore implements FileStore, AutoCloseable {

	private final S3Client client;

	private final String bucket;

	private final String prefix;

	S3FileStore(S3Client client, String bucket, String prefix) {
		if (!StringUtils.hasText(bucket)) {
			throw new IllegalStateException("mentorhub.files.s3.bucket is required for mentorhub.files.store=s3");
		}
		this.client = client;
		this.bucket = bucket;
		this.prefix = prefix == null ? "" : prefix;
	}

	/** A store with a client made from the configuration; closing the store closes the client. */
	static S3FileStore of(FileStorageProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyle())
			.credentialsProvider(credentials(s3))
			// Checksums only where the service requires them: the SDK's newer default (a CRC trailer on every
			// upload) is refused by several S3-compatible servers.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.overrideConfiguration(override -> override.apiCallTimeout(s3.callTimeout())
				.apiCallAttemptTimeout(s3.attemptTimeout()));
		if (s3.endpoint() != null) {
			builder.endpointOverride(s3.endpoint());
		}
		return new S3FileStore(builder.build(), s3.bucket(), s3.prefix());
	}

	private static AwsCredentialsProvider credentials(FileStorageProperties.S3 s3) {
		if (StringUtils.hasText(s3.accessKey()) && StringUtils.hasText(s3.secretKey())) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	@Override
	public void write(String key, byte[] content) throws IOException {
		String object = object(key);
		try {
			this.client.putObject(put -> put.bucket(this.bucket).key(object).contentLength((long) content.length),
					RequestBody.fromBytes(content));
		}
		catch (SdkException ex) {
			throw new IOException("Could not write a file to the S3 store", ex);
		}
	}

	@Override
	public void write(String key, InputStream content, long size) throws IOException {
		String object = object(key);
		try {
			this.client.putObject(put -> put.bucket(this.bucket).key(object).contentLength(size),
					RequestBody.fromInputStream(content, size));
		}
		catch (SdkException ex) {
			throw new IOException("Could not write a file to the S3 store", ex);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		String object = object(key);
		try {
			return this.client.getObject(get -> get.bucket(this.bucket).key(object));
		}
		catch (NoSuchKeyException ex) {
			throw new FileNotFoundException(key);
		}
		catch (SdkException ex) {
			// Not "not found" (Attachments.open's answer to an IOException): the store is unreachable or refuses us.
			throw new java.io.UncheckedIOException(new IOException("Could not read a file from the S3 store", ex));
		}
	}

	@Override
	public void delete(String key) throws IOException {
		String object = object(key);
		try {
			this.client.deleteObject(delete -> delete.bucket(this.bucket).key(object));
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete a file from the S3 store", ex);
		}
	}

	@Override
	public boolean exists(String key) throws IOException {
		String object = object(key);
		try {
			this.client.headObject(head -> head.bucket(this.bucket).key(object));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw new IOException("Could not reach the S3 store", ex);
		}
		catch (SdkException ex) {
			throw new IOException("Could not reach the S3 store", ex);
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	@Override
	public String toString() {
		return "S3 bucket " + this.bucket;
	}

	private String object(String key) {
		return this.prefix + FileStoreKeys.require(key);
	}

}
