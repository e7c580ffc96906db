package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

import org.mentorhub.mentorship.matching.AssignmentOptions.Pair;
import org.mentorhub.mentorship.matching.AssignmentResult.AssignedPair;
import org.mentorhub.mentorship.matching.AssignmentResult.Reason;
import org.mentorhub.mentorship.matching.AssignmentResult.UnassignedMentee;
import org.mentorhub.platform.InvalidInputException;

/**
 * The bulk assignment: a capacitated assignment of mentees to mentors that maximises the total
 * score, solved exactly as a min-cost flow with OR-Tools over each mentee's top-K candidates, and the
 * greedy baseline over the same candidates.
 *
 * <p>Network: every mentee node supplies 1; mentee → mentor arcs (capacity 1, cost −value) for the
 * candidates; mentee → sink (capacity 1, cost 0) for unassigned, so the flow is always feasible;
 * mentor → sink with the mentor's capacity left. The sink demands the number of mentees. Values:
 * by default {@code score × (n + 1) + 1}, so the total score comes first and, among equal totals, more
 * mentees are placed; with {@link AssignmentOptions#maximiseAssignments()} {@code M + score} with
 * {@code M = maxScore × n + 1}, so the number of mentees placed comes first, then the total score.
 */
public final class BulkAssigner {

	private BulkAssigner() {
	}

	private static final class Native {

		static {
			Loader.loadNativeLibraries();
		}

		static void load() {
			// the static initialiser loads OR-Tools once per class loader
		}

	}

	/** Loads OR-Tools' native libraries (once); called by the solver, useful to warm up. */
	public static void loadNativeLibraries() {
		Native.load();
	}

	/** The validated input of a run: pins, the pool of mentees left, and their candidates. */
	public static final class Prepared {

		private final AssignmentOptions options;

		private final List<AssignedPair> pins;

		private final CandidateSet candidates;

		private final long candidateNanos;

		Prepared(AssignmentOptions options, List<AssignedPair> pins, CandidateSet candidates, long candidateNanos) {
			this.options = options;
			this.pins = pins;
			this.candidates = candidates;
			this.candidateNanos = candidateNanos;
		}

		public CandidateSet candidates() {
			return this.candidates;
		}

		public List<AssignedPair> pins() {
			return this.pins;
		}

		/** Time spent scoring and building the candidates. */
		public long candidateNanos() {
			return this.candidateNanos;
		}

	}

	/** The exact optimum. */
	public static AssignmentResult optimise(MatchingIndex index, List<MenteeCandidate> mentees,
			AssignmentOptions options) {
		return solveOptimal(prepare(index, mentees, options));
	}

	/** The greedy baseline. */
	public static AssignmentResult greedy(MatchingIndex index, List<MenteeCandidate> mentees, AssignmentOptions options) {
		return solveGreedy(prepare(index, mentees, options));
	}

	/**
	 * Checks the input, applies pins and removals, and scores each mentee's top-K candidates.
	 *
	 * @throws InvalidInputException for unknown or repeated mentees, unknown mentors, a pin that breaks
	 * a hard limit or a mentor's capacity, a pair both pinned and removed
	 */
	public static Prepared prepare(MatchingIndex index, List<MenteeCandidate> mentees, AssignmentOptions options) {
		long start = System.nanoTime();
		Map<Long, MenteeCandidate> byId = new HashMap<>();
		for (MenteeCandidate mentee : mentees) {
			if (byId.put(mentee.id(), mentee) != null) {
				throw new InvalidInputException("mentees", "Mentee " + mentee.id() + " is in the list twice.");
			}
		}
		Map<Long, Set<Long>> removals = new HashMap<>();
		for (Pair pair : options.removals()) {
			requireKnown(index, byId, pair, "removals");
			removals.computeIfAbsent(pair.menteeId(), id -> new HashSet<>()).add(pair.mentorId());
		}
		int[] capacityLeft = new int[index.hotCount()];
		for (int h = 0; h < capacityLeft.length; h++) {
			capacityLeft[h] = index.hotRemaining(h);
		}
		List<AssignedPair> pins = new ArrayList<>();
		Set<Long> pinnedMentees = new HashSet<>();
		for (Pair pin : options.pins()) {
			requireKnown(index, byId, pin, "pins");
			MenteeCandidate mentee = byId.get(pin.menteeId());
			MentorCandidate mentor = index.mentor(pin.mentorId()).orElseThrow();
			if (!pinnedMentees.add(pin.menteeId())) {
				throw new InvalidInputException("pins", "Mentee " + pin.menteeId() + " is pinned twice.");
			}
			if (removals.getOrDefault(pin.menteeId(), Set.of()).contains(pin.mentorId())) {
				throw new InvalidInputException("pins",
						"Mentee " + pin.menteeId() + " and mentor " + pin.mentorId() + " are both pinned and removed.");
			}
			MatchScorer.exclusion(mentee, mentor).ifPresent(exclusion -> {
				throw new InvalidInputException("pins", "Mentee " + pin.menteeId() + " cannot be pinned to mentor "
						+ pin.mentorId() + ": " + exclusion.description() + ".");
			});
			int h = index.hotIndex(pin.mentorId());
			if (capacityLeft[h] == 0) {
				throw new InvalidInputException("pins",
						"Mentor " + pin.mentorId() + " has no capacity left for another pinned mentee.");
			}
			capacityLeft[h]--;
			ScoreBreakdown breakdown = index.scorer().score(mentee, mentor);
			pins.add(new AssignedPair(mentee.id(), mentor.id(), breakdown.total(), true, breakdown));
		}
		List<MenteeCandidate> pool = new ArrayList<>(mentees.size());
		for (MenteeCandidate mentee : mentees) {
			if (!pinnedMentees.contains(mentee.id())) {
				pool.add(mentee);
			}
		}
		DoubleConsumer progress = options.progress();
		CandidateSet candidates = index.candidates(pool, options.candidatesPerMentee(), removals, capacityLeft,
				options.threads(), progress == null ? null : f -> progress.accept(0.8 * f), options.cancelled());
		return new Prepared(options, List.copyOf(pins), candidates, System.nanoTime() - start);
	}

	private static void requireKnown(MatchingIndex index, Map<Long, MenteeCandidate> mentees, Pair pair, String field) {
		if (!mentees.containsKey(pair.menteeId())) {
			throw new InvalidInputException(field, "Mentee " + pair.menteeId() + " is not in this run.");
		}
		if (index.mentor(pair.mentorId()).isEmpty()) {
			throw new InvalidInputException(field, "Mentor " + pair.mentorId() + " is not in this run.");
		}
	}

	/** Solves the prepared run exactly with OR-Tools' min-cost flow. */
	public static AssignmentResult solveOptimal(Prepared prepared) {
		checkCancelled(prepared.options);
		long start = System.nanoTime();
		Native.load();
		CandidateSet cs = prepared.candidates;
		int n = cs.menteeCount();
		int hot = cs.hotCount();
		long pairs = cs.pairCount();
		int maxScore = 0;
		for (int i = 0; i < n; i++) {
			for (int c = 0; c < cs.candidateCount(i); c++) {
				maxScore = Math.max(maxScore, cs.score(i, c));
			}
		}
		boolean cardinality = prepared.options.maximiseAssignments();
		long big = (long) maxScore * n + 1;
		// OR-Tools scales costs by the number of nodes + 1; keep far from overflow
		long largest = cardinality ? big + maxScore : maxScore * (n + 1L) + 1;
		if (largest > Long.MAX_VALUE / 4 / (n + hot + 2L)) {
			throw new IllegalArgumentException("Too many mentees for exact integer costs: " + n);
		}
		int sink = n + hot;
		MinCostFlow flow = new MinCostFlow(n + hot + 1, (int) Math.min(Integer.MAX_VALUE, pairs + n + hot));
		try {
			int[] firstArc = new int[n];
			boolean[] used = new boolean[hot];
			for (int i = 0; i < n; i++) {
				flow.setNodeSupply(i, 1);
				firstArc[i] = flow.addArcWithCapacityAndUnitCost(i, sink, 1, 0);
				for (int c = 0; c < cs.candidateCount(i); c++) {
					int h = cs.hotIndex(i, c);
					long score = cs.score(i, c);
					long value = cardinality ? big + score : score * (n + 1L) + 1;
					flow.addArcWithCapacityAndUnitCost(i, n + h, 1, -value);
					used[h] = true;
				}
			}
			for (int h = 0; h < hot; h++) {
				if (used[h]) {
					flow.addArcWithCapacityAndUnitCost(n + h, sink, cs.hotCapacityLeft(h), 0);
				}
			}
			flow.setNodeSupply(sink, -n);
			report(prepared.options, 0.85);
			checkCancelled(prepared.options);
			MinCostFlowBase.Status status = flow.solve();
			if (status != MinCostFlowBase.Status.OPTIMAL) {
				throw new IllegalStateException("The min-cost flow solver answered " + status);
			}
			int[] chosen = new int[n];
			Arrays.fill(chosen, -1);
			for (int i = 0; i < n; i++) {
				if (flow.getFlow(firstArc[i]) == 1) {
					continue;
				}
				for (int c = 0; c < cs.candidateCount(i); c++) {
					if (flow.getFlow(firstArc[i] + 1 + c) == 1) {
						chosen[i] = c;
						break;
					}
				}
			}
			long solveNanos = System.nanoTime() - start;
			return result(prepared, AssignmentResult.Method.OPTIMAL, chosen, solveNanos);
		}
		finally {
			flow.delete();
		}
	}

	/** The greedy baseline on the same candidates: best pairs first while both are free. */
	public static AssignmentResult solveGreedy(Prepared prepared) {
		checkCancelled(prepared.options);
		long start = System.nanoTime();
		CandidateSet cs = prepared.candidates;
		int n = cs.menteeCount();
		int k = cs.k();
		long[] keys = new long[(int) cs.pairCount()];
		int p = 0;
		for (int i = 0; i < n; i++) {
			for (int c = 0; c < cs.candidateCount(i); c++) {
				keys[p++] = ((long) (Integer.MAX_VALUE - cs.score(i, c)) << 32) | ((long) i * k + c);
			}
		}
		Arrays.sort(keys);
		int[] left = cs.capacityLeftArray().clone();
		int[] chosen = new int[n];
		Arrays.fill(chosen, -1);
		for (long key : keys) {
			int slot = (int) key;
			int i = slot / k;
			int c = slot % k;
			if (chosen[i] >= 0) {
				continue;
			}
			int h = cs.hotIndex(i, c);
			if (left[h] > 0) {
				left[h]--;
				chosen[i] = c;
			}
		}
		return result(prepared, AssignmentResult.Method.GREEDY, chosen, System.nanoTime() - start);
	}

	private static AssignmentResult result(Prepared prepared, AssignmentResult.Method method, int[] chosen,
			long solveNanos) {
		checkCancelled(prepared.options);
		report(prepared.options, 0.95);
		CandidateSet cs = prepared.candidates;
		MatchingIndex index = cs.index();
		List<AssignedPair> pairs = new ArrayList<>(prepared.pins);
		List<UnassignedMentee> unassigned = new ArrayList<>();
		long total = 0;
		for (AssignedPair pin : prepared.pins) {
			total += pin.score();
		}
		for (int i = 0; i < cs.menteeCount(); i++) {
			MenteeCandidate mentee = cs.mentees().get(i);
			if (chosen[i] >= 0) {
				MentorCandidate mentor = index.hotProfile(cs.hotIndex(i, chosen[i]));
				int score = cs.score(i, chosen[i]);
				ScoreBreakdown breakdown = index.scorer().score(mentee, mentor);
				pairs.add(new AssignedPair(mentee.id(), mentor.id(), score, false, breakdown));
				total += score;
			}
			else if (cs.candidateCount(i) == 0) {
				unassigned.add(new UnassignedMentee(mentee.id(), Reason.NO_ELIGIBLE_MENTOR, 0, index
					.exclusionCounts(mentee, cs.capacityLeftArray(), cs.removals().get(mentee.id()))));
			}
			else {
				unassigned.add(new UnassignedMentee(mentee.id(), Reason.ALL_CANDIDATES_FULL, cs.candidateCount(i),
						Map.of()));
			}
		}
		report(prepared.options, 1.0);
		return new AssignmentResult(method, pairs, total, unassigned, prepared.candidateNanos, solveNanos);
	}

	private static void report(AssignmentOptions options, double fraction) {
		if (options.progress() != null) {
			options.progress().accept(fraction);
		}
	}

	private static void checkCancelled(AssignmentOptions options) {
		if (options.cancelled() != null && options.cancelled().getAsBoolean()) {
			throw new CancellationException("The bulk assignment was cancelled");
		}
	}

}
