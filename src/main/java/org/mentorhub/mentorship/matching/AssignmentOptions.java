package org.mentorhub.mentorship.matching;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * How to run a bulk assignment.
 *
 * @param candidatesPerMentee K: each mentee's best K mentors go into the flow network (1..200)
 * @param maximiseAssignments place as many mentees as possible first, then maximise the total score
 * @param pins pairs that must be in the result; they use capacity and leave the pool
 * @param removals pairs that must not be used
 * @param threads threads for scoring (1 or more)
 * @param progress receives the fraction done (0..1), may be null
 * @param cancelled polled between steps; when true the run stops with a CancellationException, may be null
 */
public record AssignmentOptions(int candidatesPerMentee, boolean maximiseAssignments, List<Pair> pins,
		List<Pair> removals, int threads, DoubleConsumer progress, BooleanSupplier cancelled) {

	/** The default K. */
	public static final int DEFAULT_CANDIDATES = 20;

	/** The largest K. */
	public static final int MAX_CANDIDATES = 200;

	/** A mentee and a mentor. */
	public record Pair(long menteeId, long mentorId) {
	}

	public AssignmentOptions {
		if (candidatesPerMentee < 1 || candidatesPerMentee > MAX_CANDIDATES) {
			throw new org.mentorhub.platform.InvalidInputException("candidatesPerMentee",
					"Candidates per mentee must be between 1 and " + MAX_CANDIDATES + ".");
		}
		pins = pins == null ? List.of() : List.copyOf(pins);
		removals = removals == null ? List.of() : List.copyOf(removals);
		threads = Math.max(1, threads);
	}

	/** K = 20, highest total score first, no pins or removals, all processors. */
	public static AssignmentOptions defaults() {
		return new AssignmentOptions(DEFAULT_CANDIDATES, false, List.of(), List.of(),
				Runtime.getRuntime().availableProcessors(), null, null);
	}

	public AssignmentOptions withCandidatesPerMentee(int k) {
		return new AssignmentOptions(k, this.maximiseAssignments, this.pins, this.removals, this.threads, this.progress,
				this.cancelled);
	}

	public AssignmentOptions withMaximiseAssignments(boolean maximise) {
		return new AssignmentOptions(this.candidatesPerMentee, maximise, this.pins, this.removals, this.threads,
				this.progress, this.cancelled);
	}

	public AssignmentOptions withPins(List<Pair> pins) {
		return new AssignmentOptions(this.candidatesPerMentee, this.maximiseAssignments, pins, this.removals,
				this.threads, this.progress, this.cancelled);
	}

	public AssignmentOptions withRemovals(List<Pair> removals) {
		return new AssignmentOptions(this.candidatesPerMentee, this.maximiseAssignments, this.pins, removals,
				this.threads, this.progress, this.cancelled);
	}

	public AssignmentOptions withThreads(int threads) {
		return new AssignmentOptions(this.candidatesPerMentee, this.maximiseAssignments, this.pins, this.removals,
				threads, this.progress, this.cancelled);
	}

	public AssignmentOptions withProgress(DoubleConsumer progress) {
		return new AssignmentOptions(this.candidatesPerMentee, this.maximiseAssignments, this.pins, this.removals,
				this.threads, progress, this.cancelled);
	}

	public AssignmentOptions withCancellation(BooleanSupplier cancelled) {
		return new AssignmentOptions(this.candidatesPerMentee, this.maximiseAssignments, this.pins, this.removals,
				this.threads, this.progress, cancelled);
	}

}
