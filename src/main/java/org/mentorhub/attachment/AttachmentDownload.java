package org.mentorhub.attachment;

import java.io.IOException;

import org.mentorhub.attachment.Attachments.Download;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an attachment download, the same for the page path and the API (QUALITY S10):
 * {@link FileDownloads}' safety headers and no caching at all ({@code no-store, private}).
 */
final class AttachmentDownload {

	private AttachmentDownload() {
	}

	static ResponseEntity<InputStreamResource> answer(Download download) {
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(CacheControl.noStore().cachePrivate());
		return FileDownloads.answer(download, headers);
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
