package org.mentorhub.attachment;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.mentorhub.attachment.Attachments.Download;
import org.mentorhub.attachment.Attachments.NewFile;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.attachment.Attachments.StoredFile;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.People;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attachments of sessions, feedback, goals, goal updates and mentorships: one list, upload,
 * download and delete for all of them. Who may see and add files is the owning module's answer,
 * asked through its {@link AttachmentParent} bean on every call; anything out of reach, and any type
 * without a parent, is "not found". Everybody who may see a record's files may delete their own;
 * deleting another's needs {@link AttachmentParent.Access#managesFiles()} (else 403). A download that
 * discloses a student's file to staff is audited as {@code ATTACHMENT_READ} (entity
 * {@code attachments}, id = the file; QUALITY S12), naming the student as subject where the parent says whose
 * record it is (the FERPA disclosure log). The checks on the content are {@link Attachments}'s
 * ({@link Attachments#attachmentRules()}).
 */
@Service
public class AttachmentFiles {

	static final String ATTACHMENT_READ = "ATTACHMENT_READ";

	/**
	 * The one upload budget of attachments (QUALITY S14), shared by the pages, the API and a goal
	 * update's file: {@value #UPLOAD_CAPACITY} uploads, refilled over {@value #UPLOAD_PER}.
	 */
	public static final String UPLOAD_LIMIT = "attachment-upload";

	public static final int UPLOAD_CAPACITY = 20;

	public static final String UPLOAD_PER = "PT10M";

	private final Attachments attachments;

	private final ObjectProvider<AttachmentParent> parentBeans;

	private final People people;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private volatile Map<RelatedType, AttachmentParent> parents;

	AttachmentFiles(Attachments attachments, ObjectProvider<AttachmentParent> parentBeans, People people,
			Tenancy tenancy, AuditTrail audit) {
		this.attachments = attachments;
		this.parentBeans = parentBeans;
		this.people = people;
		this.tenancy = tenancy;
		this.audit = audit;
	}

	/**
	 * The related type of a URL code ({@code goal}, {@code goal-update}, {@code GOAL_UPDATE}); "not
	 * found" for anything that no module serves (avatars have their own endpoints).
	 */
	public RelatedType type(String code) {
		String name = code == null ? "" : code.strip().replace('-', '_').toUpperCase(Locale.ROOT);
		for (RelatedType type : RelatedType.values()) {
			if (type.name().equals(name) && parents().containsKey(type)) {
				return type;
			}
		}
		throw new NotFoundException("There are no files of this kind");
	}

	/** The URL code of a related type ({@code goal-update}). */
	public static String code(RelatedType type) {
		return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The files of a record, newest first, with what the reader may do; "not found" when out of reach. */
	@Transactional(readOnly = true)
	public AttachmentSection section(RelatedType type, long relatedId) {
		AttachmentParent.Access access = access(type, relatedId);
		List<StoredFile> files = this.attachments.findFor(type, relatedId);
		return new AttachmentSection(type, code(type), relatedId, access.title(), access.mayAdd(),
				access.managesFiles(), access.pagePath(),
				views(files, access.managesFiles()));
	}

	/**
	 * The files of several records of one type that the caller (the owning module) has already
	 * checked the reader may see, as lists per record: one query for the files and one for the names.
	 * @param managesFiles whether the reader may delete files others uploaded
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<AttachmentView>> filesOf(RelatedType type, Collection<Long> relatedIds, boolean managesFiles) {
		Map<Long, List<StoredFile>> stored = this.attachments.findFor(type, relatedIds);
		List<AttachmentView> all = views(stored.values().stream().flatMap(List::stream).toList(), managesFiles);
		Map<Long, List<AttachmentView>> byRecord = new LinkedHashMap<>();
		all.forEach(view -> byRecord.computeIfAbsent(view.relatedId(), id -> new ArrayList<>()).add(view));
		return byRecord;
	}

	/** Uploads a file to a record the reader may add files to (else 404, or 403 when they only see it). */
	@Transactional
	public AttachmentView upload(RelatedType type, long relatedId, String fileName, InputStream content) {
		AttachmentParent.Access access = access(type, relatedId);
		if (!access.mayAdd()) {
			throw new AccessDeniedException("You may see this record's files but not add any.");
		}
		return store(type, relatedId, access.institutionId(), fileName, content, access.managesFiles());
	}

	/**
	 * Stores a file for a record whose owning module has checked the reader may add it (a goal
	 * update's file, saved with the update): the same content checks, quota and names as {@link #upload}.
	 */
	@Transactional
	public AttachmentView attach(RelatedType type, long relatedId, long institutionId, String fileName,
			InputStream content) {
		return store(type, relatedId, institutionId, fileName, content, false);
	}

	/** Opens a file for download if the reader may see its record (audited for staff reading a student's file). */
	@Transactional
	public Download open(long id) {
		StoredFile file = this.attachments.find(id).orElseThrow(AttachmentFiles::notFound);
		AttachmentParent.Access access = accessToFile(file);
		if (access.auditedRead()) {
			AuditRecord read = AuditRecord.of(ATTACHMENT_READ, "attachments", file.id());
			this.audit.record(access.subjectId() == null ? read : read.about(access.subjectId()));
		}
		return this.attachments.open(file.id());
	}

	/**
	 * Deletes a file: its uploader, or whoever manages the record's files (else 403); "not found" when
	 * the reader may not see it. Returns the section it was in, as it is now.
	 */
	@Transactional
	public AttachmentSection delete(long id) {
		StoredFile file = this.attachments.find(id).orElseThrow(AttachmentFiles::notFound);
		AttachmentParent.Access access = accessToFile(file);
		if (!access.managesFiles() && !Objects.equals(file.ownerId(), this.tenancy.actor().id())) {
			throw new AccessDeniedException("Only whoever uploaded a file, and the programme, delete it.");
		}
		this.attachments.delete(file.id());
		return section(file.relatedType(), file.relatedId());
	}

	/** Deletes every file of records that are gone, as their owning module tells (the rows, then the bytes). */
	@Transactional
	public int deleteAllOf(RelatedType type, Collection<Long> relatedIds) {
		return this.attachments.deleteAllFor(type, relatedIds);
	}

	private AttachmentView store(RelatedType type, long relatedId, long institutionId, String fileName,
			InputStream content, boolean managesFiles) {
		if (content == null) {
			throw new InvalidInputException("file", "Choose a file to upload.");
		}
		long me = this.tenancy.actor().id();
		StoredFile stored = this.attachments.store(new NewFile(type, relatedId, institutionId, me, fileName,
				this.attachments.check(content, this.attachments.attachmentRules()).content()),
				this.attachments.attachmentRules());
		return views(List.of(stored), managesFiles).get(0);
	}

	private AttachmentParent.Access accessToFile(StoredFile file) {
		AttachmentParent parent = parents().get(file.relatedType());
		if (parent == null) {
			throw notFound();
		}
		AttachmentParent.Access access = parent.access(file.relatedType(), file.relatedId())
			.orElseThrow(AttachmentFiles::notFound);
		if (file.institutionId() != null && file.institutionId() != access.institutionId()) {
			throw notFound();
		}
		return access;
	}

	private AttachmentParent.Access access(RelatedType type, long relatedId) {
		AttachmentParent parent = parents().get(type);
		if (parent == null) {
			throw new NotFoundException("There are no files of this kind");
		}
		return parent.access(type, relatedId).orElseThrow(() -> new NotFoundException("Not found"));
	}

	private List<AttachmentView> views(List<StoredFile> files, boolean managesFiles) {
		if (files.isEmpty()) {
			return List.of();
		}
		long me = this.tenancy.actor().id();
		Map<Long, String> names = this.people
			.names(files.stream().map(StoredFile::ownerId).filter(Objects::nonNull).distinct().toList());
		return files.stream()
			.map(file -> new AttachmentView(file.id(), file.relatedType(), file.relatedId(), file.fileName(),
					file.mimeType(), Attachments.label(file.mimeType()), file.sizeBytes(), file.ownerId(),
					file.ownerId() == null ? null : names.get(file.ownerId()), file.createdAt(),
					managesFiles || Objects.equals(file.ownerId(), me)))
			.toList();
	}

	private Map<RelatedType, AttachmentParent> parents() {
		Map<RelatedType, AttachmentParent> known = this.parents;
		if (known == null) {
			known = new EnumMap<>(RelatedType.class);
			for (AttachmentParent parent : this.parentBeans.orderedStream().toList()) {
				for (RelatedType type : parent.types()) {
					if (known.putIfAbsent(type, parent) != null) {
						throw new IllegalStateException("Two attachment parents serve " + type);
					}
				}
			}
			this.parents = known;
		}
		return known;
	}

	private static NotFoundException notFound() {
		return new NotFoundException("File not found");
	}

}
