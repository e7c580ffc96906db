package org.mentorhub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The columns of the two seed documents in {@code docs/seeds/}, each as {@code <seed table>.<seed column>}
 * spelled as in the seed.
 */
final class SeedColumns {

	/** Where the verbatim copies of the seed documents live, relative to the Maven project. */
	static final Path SEEDS = Path.of("docs/seeds");

	/**
	 * Seed 003's columns, listed by hand from its ASCII ER boxes because parsing box art is fragile: the
	 * box rows, {@code id} for every box with an {@code id (PK)}, and {@code audit_logs.createdAt}, which
	 * only the Key Indexes name. Annotations in a box ({@code (PK/FK)}, {@code (JSON)}, {@code (1-5)}) are
	 * not part of the name. Foreign keys keep the box's relation name ({@code institution}, {@code mentor}).
	 */
	static final Set<String> SEED_003 = columns(
			table("institutions", "id", "name", "code", "address", "contactEmail"),
			table("departments", "id", "institution", "name", "code"),
			table("roles", "id", "name", "desc"),
			table("users", "id", "institution", "department", "role", "email", "passwordHash", "status"),
			table("user_profiles", "userId", "firstName", "lastName", "phone", "avatarUrl", "title", "bio"),
			table("mentor_profiles", "userId", "designation", "specialization", "maxMentees", "availability"),
			table("student_profiles", "userId", "rollNumber", "program", "yearOfStudy", "gpa", "attendancePct",
					"riskLevel"),
			table("mentor_assignments", "id", "mentor", "student", "department", "assignedBy", "status",
					"assignedAt", "endedAt", "notes"),
			table("session_records", "id", "assignment", "sessionDate", "mode", "location", "topic", "summary",
					"actionItems", "nextMeetingOn", "attendance", "status", "createdBy"),
			table("session_feedback", "id", "session", "giverUser", "recipientUser", "type", "rating", "comments",
					"visibility"),
			table("goals", "id", "student", "title", "category", "description", "targetDate", "status",
					"progressPct", "createdBy"),
			table("goal_updates", "id", "goal", "notedBy", "note", "progressPct", "status"),
			table("notifications", "id", "user", "type", "title", "body", "payload", "readAt"),
			table("alerts", "id", "student", "severity", "category", "message", "sourceRef", "status", "closedAt",
					"closedBy"),
			table("attachments", "id", "relatedType", "relatedId", "ownerUser", "fileName", "mimeType", "sizeBytes",
					"storagePath"),
			table("audit_logs", "id", "user", "action", "entity", "entityId", "beforeState", "afterState", "ip",
					"userAgent", "createdAt"),
			table("password_resets", "id", "user", "tokenHash", "expiresAt", "usedAt"));

	/** The sentence that introduces each column table in seed 000: "The `sessionNotes` table stores ...". */
	private static final Pattern SEED_000_TABLE = Pattern.compile("^The `([A-Za-z]+)` table\\b");

	private SeedColumns() {
	}

	/** The one seed document whose file name starts with {@code <number>_}. */
	static Path seedDocument(String number) {
		List<Path> matches = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(SEEDS, number + "_*.txt")) {
			files.forEach(matches::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + SEEDS.toAbsolutePath(), ex);
		}
		if (matches.size() != 1) {
			throw new IllegalStateException(
					"Expected exactly one seed " + number + " document in " + SEEDS.toAbsolutePath() + ", found " + matches);
		}
		return matches.get(0);
	}

	/**
	 * Seed 000's columns, read from its markdown: each column table follows a line "The `xyz` table ...",
	 * and each of its body rows names one column in its first cell. Headings end a table's scope, so the
	 * enumerations and the other prose sections contribute nothing.
	 */
	static Set<String> seed000() {
		Path document = seedDocument("000");
		List<String> lines;
		try {
			lines = Files.readAllLines(document, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + document.toAbsolutePath(), ex);
		}
		Set<String> columns = new LinkedHashSet<>();
		String table = null;
		for (String raw : lines) {
			String line = raw.strip();
			Matcher intro = SEED_000_TABLE.matcher(line);
			if (intro.find()) {
				table = intro.group(1);
			}
			else if (line.startsWith("#")) {
				table = null;
			}
			else if (table != null && line.startsWith("|")) {
				String column = firstCell(line);
				if (!column.isEmpty() && !column.equals("Column") && !column.matches("[-:\\s]+")) {
					columns.add(table + "." + column);
				}
			}
		}
		return columns;
	}

	private static String firstCell(String row) {
		String[] cells = row.split("\\|", -1);
		return (cells.length > 1) ? cells[1].strip() : "";
	}

	private static String[] table(String name, String... columns) {
		return Arrays.stream(columns).map((column) -> name + "." + column).toArray(String[]::new);
	}

	private static Set<String> columns(String[]... tables) {
		Set<String> all = new LinkedHashSet<>();
		Stream.of(tables).flatMap(Arrays::stream).forEach((column) -> {
			if (!all.add(column)) {
				throw new IllegalStateException("Seed 003 column listed twice: " + column);
			}
		});
		return Collections.unmodifiableSet(all);
	}

}
