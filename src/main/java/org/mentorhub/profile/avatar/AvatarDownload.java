package org.mentorhub.profile.avatar;

import org.mentorhub.profile.Avatars;
import org.mentorhub.attachment.Attachments.StoredFile;
import org.mentorhub.attachment.FileDownloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an avatar download, the same for the page path and the API (QUALITY S10): the
 * stored type, {@code nosniff}, {@code Content-Disposition: attachment} (an {@code <img>} still
 * shows it; opened directly, it downloads rather than renders), private caching revalidated by the
 * file's SHA-256 as ETag (304 when unchanged).
 */
final class AvatarDownload {

	private AvatarDownload() {
	}

	static ResponseEntity<InputStreamResource> answer(Avatars avatars, long userId, String ifNoneMatch) {
		StoredFile file = avatars.find(userId);
		String etag = "\"" + file.sha256() + "\"";
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag);
		headers.setCacheControl(CacheControl.noCache().cachePrivate());
		headers.set("X-Content-Type-Options", "nosniff");
		if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
		}
		return FileDownloads.answer(avatars.open(file), headers);
	}

}
