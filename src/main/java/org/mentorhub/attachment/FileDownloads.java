package org.mentorhub.attachment;

import java.io.IOException;

import org.mentorhub.attachment.Attachments.Download;
import org.mentorhub.attachment.Attachments.StoredFile;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The 200 answer of every stored-file download (QUALITY S10), for avatars and attachments alike: the
 * stored (detected) type, its length, {@code X-Content-Type-Options: nosniff} and
 * {@code Content-Disposition: attachment} with the kept name, streamed from the file store. The caller
 * has checked authorization and adds its own caching headers.
 */
public final class FileDownloads {

	private FileDownloads() {
	}

	/** The file as a download, with {@code headers} (caching, ETag) added to the safety headers. */
	public static ResponseEntity<InputStreamResource> answer(Download download, HttpHeaders headers) {
		StoredFile file = download.file();
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

}
