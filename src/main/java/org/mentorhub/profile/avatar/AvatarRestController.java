package org.mentorhub.profile.avatar;

import org.mentorhub.profile.Avatars;
import org.mentorhub.profile.ProfileView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.Tenancy;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Avatars through the API: upload (multipart part {@code file}), remove, download. */
@RestController
@Tag(name = "Avatars", description = "A PNG, JPEG or GIF (by its content, not its name) of at most 2 MB and "
		+ "4000×4000 pixels, stored re-encoded as a 256×256 picture. The owner or an administrator of the "
		+ "institution changes it; whoever may see the profile downloads it. Uploads are rate-limited (429).")
class AvatarRestController {

	private final Avatars avatars;

	private final Tenancy tenancy;

	AvatarRestController(Avatars avatars, Tenancy tenancy) {
		this.avatars = avatars;
		this.tenancy = tenancy;
	}

	@PutMapping(path = "/api/v1/profiles/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RateLimited(name = AvatarPageController.RATE_LIMIT, capacity = AvatarPageController.RATE_CAPACITY,
			per = AvatarPageController.RATE_PER)
	@Operation(summary = "Upload my avatar", description = "Replaces the previous one. 400 for a file that is not "
			+ "an accepted picture, too large or unreadable.")
	ProfileView uploadMine(@RequestPart(name = "file", required = false) MultipartFile file) {
		return this.avatars.replace(this.tenancy.actor().id(), stream(file));
	}

	@PutMapping(path = "/api/v1/profiles/{userId}/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RateLimited(name = AvatarPageController.RATE_LIMIT, capacity = AvatarPageController.RATE_CAPACITY,
			per = AvatarPageController.RATE_PER)
	@Operation(summary = "Upload a person's avatar", description = "The owner, or an administrator of the person's "
			+ "institution (audited).")
	ProfileView upload(@PathVariable long userId, @RequestPart(name = "file", required = false) MultipartFile file) {
		return this.avatars.replace(userId, stream(file));
	}

	@DeleteMapping("/api/v1/profiles/me/avatar")
	@Operation(summary = "Remove my avatar")
	ResponseEntity<Void> removeMine() {
		this.avatars.remove(this.tenancy.actor().id());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/profiles/{userId}/avatar")
	@Operation(summary = "Remove a person's avatar", description = "The owner, or an administrator of the "
			+ "person's institution (audited).")
	ResponseEntity<Void> remove(@PathVariable long userId) {
		this.avatars.remove(userId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/profiles/{userId}/avatar")
	@Operation(summary = "Download a person's avatar", description = "As the profile's visibility allows; "
			+ "otherwise, or without an avatar, 404. Served as an attachment with nosniff.")
	@ApiResponse(responseCode = "200", description = "The image (PNG, JPEG or GIF)",
			content = { @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/gif", schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is still current")
	ResponseEntity<InputStreamResource> download(@PathVariable long userId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return AvatarDownload.answer(this.avatars, userId, ifNoneMatch);
	}

	static InputStream stream(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return file.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
