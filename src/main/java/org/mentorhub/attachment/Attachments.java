package org.mentorhub.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.mentorhub.platform.Uploads;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one file store of MentorHub (QUALITY S10). Stores a file after checking it: its type is
 * detected by Apache Tika from the content's magic bytes (the name and the declared content type
 * are ignored) and must be in the caller's allow-list; it must not be empty nor above the caller's
 * size limit nor the owner's quota. The bytes go to the {@link FileStore} under a generated random
 * name, never the uploaded one; the row keeps the sanitised original name (for
 * {@code Content-Disposition}), the detected type, the size and the SHA-256.
 * <p>
 * This facade does <em>not</em> decide who may store, read or delete a file: the module that owns
 * the related record (a profile, a session) checks that before calling. It records the owner and
 * the institution, so that callers can check them.
 */
@Service
public class Attachments {

	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("image/png", "PNG"),
			Map.entry("image/jpeg", "JPEG"), Map.entry("image/gif", "GIF"), Map.entry("image/webp", "WebP"),
			Map.entry("application/pdf", "PDF"), Map.entry("text/plain", "plain text"), Map.entry("text/csv", "CSV"),
			Map.entry(OfficeDocuments.DOCX, "Word (DOCX)"), Map.entry(OfficeDocuments.XLSX, "Excel (XLSX)"),
			Map.entry(OfficeDocuments.PPTX, "PowerPoint (PPTX)"), Map.entry("application/zip", "a zip archive"),
			Map.entry("application/x-msdownload", "a Windows program"));

	private final AttachmentRepository attachments;

	private final FileStore store;

	private final FileStorageProperties properties;

	private final Clock clock;

	private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();

	private final ApplicationEventPublisher events;

	private final StoredFileCleanup cleanup;

	Attachments(AttachmentRepository attachments, FileStore store, FileStorageProperties properties, Clock clock,
			ApplicationEventPublisher events, StoredFileCleanup cleanup) {
		this.events = events;
		this.cleanup = cleanup;
		this.attachments = attachments;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The types an attachment of a session, feedback, goal, goal update or mentorship may have, by its
	 * content: PDF, PNG, JPEG, GIF, plain text, CSV, and Word, Excel and PowerPoint documents without macros.
	 */
	public static final Set<String> ATTACHMENT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
			"text/plain", "text/csv", OfficeDocuments.DOCX, OfficeDocuments.XLSX, OfficeDocuments.PPTX);

	/** The rules of an attachment: {@link #ATTACHMENT_TYPES} and {@code mentorhub.files.max-file-size}, field {@code file}. */
	public Rules attachmentRules() {
		return new Rules("file", ATTACHMENT_TYPES, this.properties.maxFileSize().toBytes());
	}

	/** What a file is attached to (the {@code related_type} column). */
	public enum RelatedType {

		SESSION, FEEDBACK, GOAL, GOAL_UPDATE, MENTORSHIP, RESOURCE, ISSUE, AVATAR

	}

	/**
	 * What a caller accepts: detected media types such as {@code image/png}, and a size limit.
	 * @param field the name of the form field or multipart part, for the 400 answer
	 */
	public record Rules(String field, Set<String> allowedTypes, long maxBytes) {

		public Rules {
			allowedTypes = Set.copyOf(allowedTypes);
			if (maxBytes < 1) {
				throw new IllegalArgumentException("A size limit must be positive");
			}
		}

	}

	/** Content that passed {@link #check}: its bytes and the media type detected from them. */
	public record Checked(byte[] content, String mimeType) {
	}

	/**
	 * A file to store.
	 * @param fileName the name the user gave (it is sanitised; the stored name is generated)
	 */
	public record NewFile(RelatedType relatedType, long relatedId, Long institutionId, Long ownerId, String fileName,
			byte[] content) {
	}

	/** A stored file's facts. */
	public record StoredFile(long id, Long institutionId, RelatedType relatedType, long relatedId, Long ownerId,
			String fileName, String mimeType, long sizeBytes, String sha256, Instant createdAt) {
	}

	/** A stored file and its bytes; close it (or the stream) when done. */
	public record Download(StoredFile file, InputStream content) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			this.content.close();
		}

	}

	/**
	 * Reads at most {@code rules.maxBytes()} bytes and checks them: not empty, not larger, and of an
	 * allowed type by their magic bytes. Fails with a 400 naming {@code rules.field()}.
	 */
	public Checked check(InputStream in, Rules rules) {
		byte[] content = readAtMost(in, rules);
		return check(content, rules);
	}

	/** Checks bytes already read, as {@link #check(InputStream, Rules)}. */
	public Checked check(byte[] content, Rules rules) {
		if (content.length == 0) {
			throw new InvalidInputException(rules.field(), "The file is empty. Choose a file to upload.");
		}
		if (content.length > rules.maxBytes()) {
			throw tooLarge(rules);
		}
		String detected = detect(content);
		if (OfficeDocuments.ZIPS.contains(detected)
				&& rules.allowedTypes().stream().anyMatch(OfficeDocuments.TYPES::contains)) {
			// Magic bytes say only "zip": look inside (bounded) for the document type and for macros.
			detected = OfficeDocuments.typeOf(content, rules.field());
		}
		if (!rules.allowedTypes().contains(detected)) {
			throw new InvalidInputException(rules.field(),
					"This file is not an allowed type: its content is " + label(detected) + ", and only "
							+ labels(rules.allowedTypes()) + " are accepted. The file name does not matter.");
		}
		return new Checked(content, detected);
	}

	/** The media type of the content, from its magic bytes only (never its name). */
	public String detect(byte[] content) {
		try (TikaInputStream in = TikaInputStream.get(content)) {
			return this.mimeTypes.detect(in, new Metadata()).getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks the file ({@link #check(byte[], Rules)}) and the owner's quota, writes it under a
	 * generated name and records it. If the surrounding transaction rolls back, the written bytes
	 * are deleted again.
	 */
	@Transactional
	public StoredFile store(NewFile file, Rules rules) {
		Checked checked = check(file.content(), rules);
		byte[] content = checked.content();
		if (file.ownerId() != null) {
			long used = this.attachments.totalSizeOfOwner(file.ownerId());
			long quota = this.properties.quotaPerOwner().toBytes();
			if (used + content.length > quota) {
				throw new InvalidInputException(rules.field(), "This file would take you over your storage quota of "
						+ megabytes(quota) + ". Delete some files first.");
			}
		}
		String mimeType = checked.mimeType();
		if (mimeType.equals("text/plain") && rules.allowedTypes().contains("text/csv") && file.fileName() != null
				&& file.fileName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
			// Magic bytes cannot tell CSV from other text: plain text named .csv is kept as CSV.
			mimeType = "text/csv";
		}
		String extension = extension(mimeType);
		String key = FileStoreKeys.generate(extension);
		String name = safeName(file.fileName(), extension);
		try {
			this.store.write(key, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write an uploaded file", ex);
		}
		deleteOnRollback(key);
		try {
			Attachment saved = this.attachments.saveAndFlush(Attachment.of(file, name, mimeType,
					content.length, key, Uploads.sha256Hex(content), this.clock.instant()));
			return saved.toStoredFile();
		}
		catch (RuntimeException ex) {
			this.cleanup.deleteQuietly(key);
			throw ex;
		}
	}

	/** A stored file's facts. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> find(long id) {
		return this.attachments.findById(id).map(Attachment::toStoredFile);
	}

	/** The files attached to a record, newest first. */
	@Transactional(readOnly = true)
	public List<StoredFile> findFor(RelatedType type, long relatedId) {
		return this.attachments.findByRelatedTypeAndRelatedIdOrderByIdDesc(type.name(), relatedId)
			.stream()
			.map(Attachment::toStoredFile)
			.toList();
	}

	/**
	 * Every file a person uploaded, oldest first: for the download of their own data (privacy module), which
	 * opens each with {@link #open}. Whoever calls this answers for showing the files only to that person.
	 */
	@Transactional(readOnly = true)
	public List<StoredFile> uploadedBy(long ownerId) {
		return this.attachments.findByOwnerIdOrderByIdAsc(ownerId).stream().map(Attachment::toStoredFile).toList();
	}

	/** The files attached to each of several records of one type, newest first: one query. */
	@Transactional(readOnly = true)
	public Map<Long, List<StoredFile>> findFor(RelatedType type, Collection<Long> relatedIds) {
		Map<Long, List<StoredFile>> files = new LinkedHashMap<>();
		if (relatedIds.isEmpty()) {
			return files;
		}
		for (Attachment attachment : this.attachments.findByRelatedTypeAndRelatedIdInOrderByIdDesc(type.name(),
				relatedIds.stream().distinct().toList())) {
			StoredFile file = attachment.toStoredFile();
			files.computeIfAbsent(file.relatedId(), id -> new ArrayList<>()).add(file);
		}
		return files;
	}

	/**
	 * Deletes every file of several records of one type (their parent is gone): the rows now, the
	 * bytes when the transaction commits. Returns how many files went.
	 */
	@Transactional
	public int deleteAllFor(RelatedType type, Collection<Long> relatedIds) {
		if (relatedIds.isEmpty()) {
			return 0;
		}
		List<Attachment> gone = this.attachments.findByRelatedTypeAndRelatedIdInOrderByIdDesc(type.name(),
				relatedIds.stream().distinct().toList());
		this.attachments.deleteAll(gone);
		this.attachments.flush();
		gone.forEach(attachment -> this.events
			.publishEvent(new StoredFileCleanup.StoredFileReleased(attachment.getStoragePath())));
		return gone.size();
	}

	/** Opens a stored file; "not found" when there is no such file (or its bytes are gone). */
	@Transactional(readOnly = true)
	public Download open(long id) {
		Attachment attachment = this.attachments.findById(id).orElseThrow(() -> new NotFoundException("File not found"));
		try {
			return new Download(attachment.toStoredFile(), this.store.open(attachment.getStoragePath()));
		}
		catch (IOException ex) {
			log.warn("The bytes of attachment {} are missing from the file store", id);
			throw new NotFoundException("File not found");
		}
	}

	/** Deletes a file: its row now, its bytes when the transaction commits. */
	@Transactional
	public void delete(long id) {
		Attachment attachment = this.attachments.findById(id).orElse(null);
		if (attachment == null) {
			return;
		}
		this.attachments.delete(attachment);
		this.attachments.flush();
		this.events.publishEvent(new StoredFileCleanup.StoredFileReleased(attachment.getStoragePath()));
	}

	/**
	 * The name to keep for a file: its last path segment only, letters, digits and {@code . _ -}
	 * and spaces, at most 100 characters, ending in the extension of the detected type.
	 */
	static String safeName(String original, String extension) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFKC);
		name = name.replaceAll("[^\\p{L}\\p{N}._ -]+", "_").replaceAll("\\s+", " ").replaceAll("^[. _-]+", "").strip();
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		String ext = dot > 0 ? name.substring(dot) : "";
		if (!extension.isEmpty() && !ext.equalsIgnoreCase(extension)
				&& !(extension.equals(".jpg") && ext.equalsIgnoreCase(".jpeg"))) {
			// The name's own extension must not contradict the content: "x.jpg.jsp" of a PNG is "x.jpg.png".
			ext = extension;
		}
		if (base.isBlank()) {
			base = "file";
		}
		if (base.length() + ext.length() > 100) {
			base = base.substring(0, Math.max(1, 100 - ext.length()));
		}
		return base + ext;
	}

	/** The usual extension of a media type, such as {@code .png}; empty when there is none. */
	String extension(String mimeType) {
		try {
			MimeType type = this.mimeTypes.forName(mimeType);
			String ext = type.getExtension();
			return ext != null && ext.matches("\\.[a-z0-9]{1,8}") ? ext : "";
		}
		catch (MimeTypeException ex) {
			return "";
		}
	}

	private void deleteOnRollback(String key) {
		this.events.publishEvent(new StoredFileCleanup.StoredFileWritten(key));
	}

	private static byte[] readAtMost(InputStream in, Rules rules) {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			long total = 0;
			int read;
			while ((read = in.read(buffer)) != -1) {
				total += read;
				if (total > rules.maxBytes()) {
					throw tooLarge(rules);
				}
				out.write(buffer, 0, read);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read an upload", ex);
		}
	}

	private static InvalidInputException tooLarge(Rules rules) {
		return new InvalidInputException(rules.field(),
				"The file is larger than " + megabytes(rules.maxBytes()) + ". Choose a smaller file.");
	}

	static String megabytes(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	/** How a media type is named to people ("PDF", "Word (DOCX)"); the type itself when it has no name. */
	public static String label(String mimeType) {
		return LABELS.getOrDefault(mimeType, mimeType);
	}

	private static String labels(Set<String> mimeTypes) {
		Set<String> sorted = new LinkedHashSet<>(mimeTypes.stream().sorted().map(Attachments::label).toList());
		return sorted.stream().collect(Collectors.joining(", "));
	}

}
