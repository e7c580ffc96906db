package org.mentorhub.attachment;

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
 * The answer to an attachment download, the same for the page path and the API (QUALITY S10): the
 * stored (detected) type, {@code nosniff}, {@code Content-Disposition: attachment} with the kept name,
 * and no caching anywhere but the browser's private cache.
 */
final class AttachmentDownload {

	private AttachmentDownload() {
	}

	static ResponseEntity<InputStreamResource> answer(Download download) {
		StoredFile file = download.file();
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(CacheControl.noStore().cachePrivate());
		headers.set("X-Content-Type-Options", "nosniff");
		headers.setContentType(MediaType.parseMediaType(file.mimeType()));
		headers.setContentLength(file.sizeBytes());
		headers.setContentDisposition(ContentDisposition.attachment().filename(file.fileName()).build());
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

	static java.io.InputStream stream(org.springframework.web.multipart.MultipartFile file) {
		if (file == null) {
			return null;
		}
		try {
			return file.getInputStream();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
