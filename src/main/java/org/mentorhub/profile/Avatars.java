package org.mentorhub.profile;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.mentorhub.attachment.Attachments;
import org.mentorhub.attachment.Attachments.Download;
import org.mentorhub.attachment.Attachments.NewFile;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.attachment.Attachments.Rules;
import org.mentorhub.attachment.Attachments.StoredFile;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Avatars (QUALITY S10): who may change one is decided as for the profile (the owner, or an
 * administrator of the institution); who may see one as for the profile too. An upload must be a
 * PNG, JPEG or GIF by its magic bytes, at most 2 MB and at most 4000×4000 pixels; it is re-encoded
 * to a 256×256 picture ({@link AvatarImages}) and only that is stored, as an {@code AVATAR}
 * attachment of the user. A new avatar replaces the old one (file and row).
 */
@Service
public class Avatars {

	static final long MAX_BYTES = 2L * 1024 * 1024;

	static final String FIELD = "file";

	/** What an upload may be. */
	static final Rules UPLOAD = new Rules(FIELD, Set.of("image/png", "image/jpeg", "image/gif"), MAX_BYTES);

	/** What is stored: only the re-encoded avatar. */
	static final Rules STORED = new Rules(FIELD, Set.of("image/png", "image/jpeg"), MAX_BYTES);

	static final String CHANGED = "AVATAR_CHANGED";

	static final String REMOVED = "AVATAR_REMOVED";

	private final Profiles profiles;

	private final UserProfileRepository userProfiles;

	private final Attachments attachments;

	private final AuditTrail audit;

	private final Clock clock;

	Avatars(Profiles profiles, UserProfileRepository userProfiles, Attachments attachments, AuditTrail audit,
			Clock clock) {
		this.profiles = profiles;
		this.userProfiles = userProfiles;
		this.attachments = attachments;
		this.audit = audit;
		this.clock = clock;
	}

	/** The path an avatar is downloaded from (also kept in {@code user_profiles.avatar_url}). */
	static String path(long userId) {
		return "/people/" + userId + "/avatar";
	}

	/**
	 * Sets a person's avatar from an upload. Everything is checked before anything is written; a
	 * refused upload changes nothing.
	 */
	@Transactional
	public ProfileView replace(long userId, InputStream upload) {
		Profiles.Access access = this.profiles.requireEditable(userId);
		if (upload == null) {
			throw new InvalidInputException(FIELD, "Choose a picture to upload (PNG, JPEG or GIF, at most 2 MB).");
		}
		Attachments.Checked checked = this.attachments.check(upload, UPLOAD);
		AvatarImages.Encoded avatar = AvatarImages.toAvatar(checked.content(), checked.mimeType());
		List<StoredFile> previous = this.attachments.findFor(RelatedType.AVATAR, userId);
		StoredFile stored = this.attachments.store(new NewFile(RelatedType.AVATAR, userId,
				access.person().institutionId(), userId, avatar.fileName(), avatar.bytes()), STORED);
		previous.forEach(file -> this.attachments.delete(file.id()));
		Instant now = this.clock.instant();
		UserProfile profile = this.userProfiles.findById(userId).orElseGet(() -> UserProfile.blank(userId, now));
		profile.changeAvatar(path(userId), now);
		this.userProfiles.saveAndFlush(profile);
		this.audit.record(AuditRecord.change(CHANGED, "user_profiles", userId,
				state(previous.isEmpty() ? null : previous.get(0)), state(stored)));
		return this.profiles.view(userId);
	}

	/** Removes a person's avatar (nothing happens when there is none). */
	@Transactional
	public void remove(long userId) {
		this.profiles.requireEditable(userId);
		List<StoredFile> previous = this.attachments.findFor(RelatedType.AVATAR, userId);
		previous.forEach(file -> this.attachments.delete(file.id()));
		UserProfile profile = this.userProfiles.findById(userId).orElse(null);
		boolean hadUrl = profile != null && profile.getAvatarUrl() != null;
		if (hadUrl) {
			profile.changeAvatar(null, this.clock.instant());
			this.userProfiles.saveAndFlush(profile);
		}
		if (!previous.isEmpty() || hadUrl) {
			this.audit.record(AuditRecord.change(REMOVED, "user_profiles", userId,
					state(previous.isEmpty() ? null : previous.get(0)), state(null)));
		}
	}

	/**
	 * The facts of a person's avatar, for whoever may see their profile; "not found" for anyone else
	 * and when there is no avatar.
	 */
	@Transactional(readOnly = true)
	public StoredFile find(long userId) {
		if (!this.profiles.canSee(userId)) {
			throw new NotFoundException("Profile not found");
		}
		Long institutionId = this.profiles.access(userId).person().institutionId();
		return this.attachments.findFor(RelatedType.AVATAR, userId)
			.stream()
			.filter(file -> Objects.equals(file.institutionId(), institutionId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No avatar"));
	}

	/** Opens an avatar found by {@link #find}. */
	public Download open(StoredFile file) {
		return this.attachments.open(file.id());
	}

	private static Map<String, Object> state(StoredFile file) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("attachmentId", file == null ? null : file.id());
		state.put("sha256", file == null ? null : file.sha256());
		return state;
	}

}
