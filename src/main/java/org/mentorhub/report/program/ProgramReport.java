package org.mentorhub.report.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The program dashboard of one institution or department over a period of whole UTC days
 * ({@code from} to {@code to}, both included), with the period of the same length before it for
 * comparison. Figures over fewer than {@link ProgramDashboards#MINIMUM_GROUP} people or answers are
 * null (suppressed) so that no figure reveals one person.
 */
@Schema(name = "ProgramReport")
public record ProgramReport(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
		String institutionName, Long departmentId, String departmentName,
		@Schema(description = "the kind of program the figures are narrowed to (student, professional, new-mother); null for every kind") String programKind,
		ProgramParticipation participation,
		ProgramMentorships mentorships, ProgramSessions sessions, ProgramOutcomes outcomes,
		List<ProgramChange> comparison,
		@Schema(description = "when these figures were computed: a dashboard is kept for a few minutes (five by default) for everyone asking for the same scope, period and kind") Instant asOf) {

	/** A count under a code (a role, a status, a reason) and its label in words. */
	@Schema(name = "ProgramCount")
	public record ProgramCount(String code, String label, long count) {
	}

	/** People by role, onboarding, capacity and the mentees waiting for a match. */
	@Schema(name = "ProgramParticipation")
	public record ProgramParticipation(List<ProgramCount> peopleByRole, long onboardingCompleted, long mentors,
			long mentorsAtCapacity, long menteesWaiting, int matchedInPeriod,
			@Schema(description = "median days from request to active; null below three matches") Double medianDaysToMatch) {
	}

	/** How many mentorships started and ended in one calendar month (yyyy-mm). */
	@Schema(name = "ProgramMonth")
	public record ProgramMonth(String month, long started, long ended) {
	}

	/**
	 * Mentorships by status now, started and ended per month, the end reasons given at least three times,
	 * the re-matches of this period and the one before, and the active mentorships' relationship health now and
	 * at the end of each week of this period and the one before.
	 */
	@Schema(name = "ProgramMentorships")
	public record ProgramMentorships(List<ProgramCount> byStatus, List<ProgramMonth> perMonth,
			List<ProgramCount> endReasons,
			@Schema(description = "mentorships started in the period whose mentee had an earlier mentorship in the institution that had ended; null for one or two") Long rematches,
			@Schema(description = "the same in the previous period; null for one or two") Long rematchesBefore,
			@Schema(description = "active mentorships by relationship health now: HEALTHY, AT_RISK, STALLED") List<ProgramCount> health,
			@Schema(description = "active mentorships by relationship health at the end of each week of the period") List<ProgramHealthWeek> healthPerWeek,
			@Schema(description = "the same for the weeks of the previous period") List<ProgramHealthWeek> healthPerWeekBefore) {
	}

	/**
	 * How many active mentorships were healthy, at risk and stalled at the end of one ISO week (from its
	 * Monday): {@code asOf} is the next Monday 00:00 UTC, or the day after the period if sooner, or the time of
	 * the request if that is still to come. From the history the health job keeps since it began keeping one.
	 */
	@Schema(name = "ProgramHealthWeek")
	public record ProgramHealthWeek(LocalDate weekStart,
			@Schema(description = "the instant counted, UTC") java.time.LocalDateTime asOf, long healthy, long atRisk,
			long stalled) {
	}

	/** The sessions scheduled in one ISO week (from its Monday), by status code. */
	@Schema(name = "ProgramWeek")
	public record ProgramWeek(LocalDate weekStart, Map<String, Long> byStatus, long total) {
	}

	/**
	 * Sessions per week by status; sessions by mode (in person, online, phone); attendance among the sessions with attendance recorded (excused ones
	 * left out): attended (present or late) over attended plus absent, null below three; the median time
	 * from request to confirmation, this period and the one before.
	 */
	@Schema(name = "ProgramSessions")
	public record ProgramSessions(List<ProgramWeek> perWeek, List<ProgramCount> byStatus,
			@Schema(description = "the sessions scheduled in the period by mode: IN_PERSON, ONLINE, PHONE") List<ProgramCount> byMode,
			long scheduled,
			long attended, long noShows, @Schema(description = "percent; null below three recorded") Double attendanceRate,
			@Schema(description = "sessions first confirmed in the period (with their confirmation time kept)") long confirmedInPeriod,
			@Schema(description = "median hours from a session's request to its first confirmation, over the sessions confirmed in the period; null below three") Double medianHoursToConfirm,
			@Schema(description = "the same over the previous period; null below three") Double medianHoursToConfirmBefore) {
	}

	/** An average rating of at least three answers, of a mentor, a department or the whole scope. */
	@Schema(name = "ProgramRating")
	public record ProgramRating(Long id, String label, long answers, double average) {
	}

	/** Goals in one status now and their average progress. */
	@Schema(name = "ProgramGoalStatus")
	public record ProgramGoalStatus(String code, String label, long goals, double averageProgress) {
	}

	/** Feedback, goals, learning paths and alerts. */
	@Schema(name = "ProgramOutcomes")
	public record ProgramOutcomes(ProgramRating overallRating, List<ProgramRating> ratingsByDepartment,
			List<ProgramRating> ratingsByMentor, List<ProgramGoalStatus> goalsByStatus, long pathsStarted,
			long pathsCompleted, long alertsOpened, long alertsClosed, long alertsOverdue,
			@Schema(description = "median hours from opened to closed; null below three closed") Double medianHoursToClose) {
	}

	/** One figure in this period and in the one before, and the change in percent (null when the previous is 0). */
	@Schema(name = "ProgramChange")
	public record ProgramChange(String code, String label, long current, long previous, Double changePercent) {
	}

}
