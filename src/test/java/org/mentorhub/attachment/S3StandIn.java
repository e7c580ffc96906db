package org.mentorhub.attachment;

import java.net.URI;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 server in the test JVM: s3proxy on a random loopback port over jclouds' transient (in-memory)
 * blob store, with signed requests (AWS V4) required and one bucket made. Started once, on first use,
 * and shared by the test classes of the S3 file store; it stops with the JVM.
 */
final class S3StandIn {

	static final String ACCESS_KEY = "test-access";

	static final String SECRET_KEY = "test-secret-not-a-real-one";

	static final String BUCKET = "mentorhub-files";

	private static S3Proxy proxy;

	private static BlobStore blobs;

	private S3StandIn() {
	}

	static synchronized URI endpoint() {
		if (proxy == null) {
			start();
		}
		return URI.create("http://127.0.0.1:" + proxy.getPort());
	}

	/** The blob store behind the server, to look at what the store wrote. */
	static BlobStore blobs() {
		endpoint();
		return blobs;
	}

	/** The {@code mentorhub.files.*} settings of an S3 store on this server ({@code name=value}). */
	static List<String> properties() {
		return List.of("mentorhub.files.store=s3", "mentorhub.files.s3.endpoint=" + endpoint(),
				"mentorhub.files.s3.bucket=" + BUCKET, "mentorhub.files.s3.access-key=" + ACCESS_KEY,
				"mentorhub.files.s3.secret-key=" + SECRET_KEY, "mentorhub.files.s3.path-style=true");
	}

	static FileStorageProperties.S3 settings(String prefix) {
		return new FileStorageProperties.S3(endpoint(), "us-east-1", BUCKET, prefix, true, ACCESS_KEY, SECRET_KEY,
				java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(10));
	}

	private static void start() {
		try {
			Properties overrides = new Properties();
			BlobStoreContext context = ContextBuilder.newBuilder("transient")
				.credentials("identity", "credential")
				.overrides(overrides)
				.build(BlobStoreContext.class);
			blobs = context.getBlobStore();
			blobs.createContainerInLocation(null, BUCKET);
			S3Proxy started = S3Proxy.builder()
				.blobStore(blobs)
				.endpoint(URI.create("http://127.0.0.1:0"))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
				.build();
			started.start();
			while (!"STARTED".equals(started.getState())) {
				Thread.sleep(10);
			}
			proxy = started;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start s3proxy", ex);
		}
	}

}
