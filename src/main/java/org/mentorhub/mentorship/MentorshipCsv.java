package org.mentorhub.mentorship;

import java.util.List;

/** The CSV of a mentorship list: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are defused. */
final class MentorshipCsv {

	private MentorshipCsv() {
	}

	static String of(List<MentorshipView> rows) {
		StringBuilder csv = new StringBuilder(
				"id,status,mentor,mentee,department_id,goal,assigned_by_id,decided_by_id,decision_reason,assigned_at,ended_at,end_reason,created_at\r\n");
		for (MentorshipView m : rows) {
			csv.append(m.id()).append(',').append(m.status()).append(',').append(cell(m.mentorName())).append(',')
				.append(cell(m.menteeName())).append(',').append(m.departmentId() == null ? "" : m.departmentId())
				.append(',').append(cell(m.goal())).append(',').append(m.assignedById() == null ? "" : m.assignedById())
				.append(',').append(m.decidedById() == null ? "" : m.decidedById()).append(',')
				.append(cell(m.decisionReason())).append(',').append(m.assignedAt() == null ? "" : m.assignedAt())
				.append(',').append(m.endedAt() == null ? "" : m.endedAt()).append(',').append(cell(m.endReason()))
				.append(',').append(m.createdAt() == null ? "" : m.createdAt()).append("\r\n");
		}
		return csv.toString();
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		return "\"" + org.mentorhub.platform.CsvText.safeCell(value).replace("\"", "\"\"") + "\"";
	}

}
