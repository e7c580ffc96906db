package org.mentorhub.resource;

import java.io.IOException;

import org.mentorhub.attachment.Attachments.Download;
import org.mentorhub.attachment.Attachments.StoredFile;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer that serves a resource's file to the page's frame or player: inline only for the types
 * the upload accepted by content (PDF, audio, video; anything else is a download), with the detected
 * type, {@code nosniff}, a policy that lets nothing in the file load or run anything and lets only
 * MentorHub's own pages frame it ({@code frame-ancestors 'self'}, which browsers obey over the
 * platform's {@code X-Frame-Options: DENY}), and no caching.
 */
final class ResourceFiles {

	/** The file's own policy: no scripts, styles, connections or forms; framed only by our own pages. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'self'";

	private ResourceFiles() {
	}

	static ResponseEntity<InputStreamResource> inline(Download download) {
		StoredFile file = download.file();
		boolean inline = Resources.FILE_TYPES.contains(file.mimeType());
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.set("Cross-Origin-Resource-Policy", "same-origin");
		headers.setCacheControl(CacheControl.noStore().cachePrivate());
		headers.setContentType(inline ? MediaType.parseMediaType(file.mimeType()) : MediaType.APPLICATION_OCTET_STREAM);
		headers.setContentLength(file.sizeBytes());
		headers.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.fileName())
			.build());
		return ResponseEntity.ok().headers(headers).body(new InputStreamResource(download.content()) {
			@Override
			public String getFilename() {
				return null;
			}

			@Override
			public long contentLength() throws IOException {
				return file.sizeBytes();
			}
		});
	}

}
