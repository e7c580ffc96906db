package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mentorhub.mentorship.matching.AssignmentOptions.Pair;
import org.mentorhub.mentorship.matching.AssignmentResult.AssignedPair;
import org.mentorhub.mentorship.matching.AssignmentResult.Reason;
import org.mentorhub.mentorship.matching.AssignmentResult.UnassignedMentee;
import org.mentorhub.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingTests {

	static final WeekSlots MONDAY_MORNING = WeekSlots.ofMinuteRanges(new int[] { 9 * 60, 12 * 60 });

	static MenteeCandidate mentee(long id, int[] skills, WeekSlots week) {
		return new MenteeCandidate(id, 1, 10L, skills, new int[0], week, new int[0], false);
	}

	static MentorCandidate mentor(long id, int[] skills, WeekSlots week, int capacity) {
		return new MentorCandidate(id, 1, 10L, skills, new int[0], week, new int[0], false, capacity, 0, true);
	}

	// --- the score model ---

	@Test
	void weightsAreBetweenZeroAndAHundred() {
		assertThatThrownBy(() -> new MatchWeights(101, 0, 0, 0, 0, 0)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("between 0 and 100");
		assertThatThrownBy(() -> new MatchWeights(0, -1, 0, 0, 0, 0)).isInstanceOf(InvalidInputException.class);
		assertThat(MatchWeights.DEFAULTS.maxScore()).isEqualTo(12_000);
		assertThatThrownBy(() -> new AssignmentOptions(0, false, null, null, 1, null, null))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void weekSlotsCoverFullHalfHoursAndWrapOverTheWeekEnd() {
		assertThat(WeekSlots.ofMinuteRanges(new int[] { 9 * 60, 12 * 60 }).count()).isEqualTo(6);
		assertThat(WeekSlots.ofMinuteRanges(new int[] { 9 * 60 + 10, 10 * 60 }).count()).isEqualTo(1);
		WeekSlots wrap = WeekSlots.ofMinuteRanges(new int[] { WeekSlots.MINUTES_PER_WEEK - 60, 60 });
		assertThat(wrap.count()).isEqualTo(4);
		assertThat(wrap.has(0)).isTrue();
		assertThat(wrap.has(WeekSlots.SLOTS - 1)).isTrue();
		assertThat(MONDAY_MORNING.overlap(WeekSlots.ofMinuteRanges(new int[] { 11 * 60, 13 * 60 }))).isEqualTo(2);
		assertThatThrownBy(() -> WeekSlots.ofMinuteRanges(new int[] { 0, 20_000 }))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aBreakdownExplainsItself() {
		Vocabulary words = new Vocabulary();
		MenteeCandidate mentee = new MenteeCandidate(1, 1, 10L, new int[] { 1, 2, 3, 9 }, new int[] { 5 },
				WeekSlots.ofMinuteRanges(new int[] { 9 * 60, 17 * 60 }), words.tokens("Grow into a Kotlin team lead"),
				true);
		MentorCandidate mentor = new MentorCandidate(2, 1, 10L, new int[] { 1, 2, 3, 4 }, new int[] { 6 },
				WeekSlots.ofMinuteRanges(new int[] { 11 * 60, 20 * 60 }), words.tokens("Team lead, Kotlin and Java"),
				true, 4, 1, true);
		ScoreBreakdown b = new MatchScorer(MatchWeights.DEFAULTS).score(mentee, mentor);
		String[] names = { "", "Java", "leadership", "public speaking" };
		assertThat(b.explain(id -> names[id], id -> "interest " + id, words::word)).isEqualTo(
				"3 shared skills: Java, leadership, public speaking; 6 h of overlapping availability; same department; "
						+ "goals match expertise: kotlin, team, lead; supports new mothers; 3 of 4 places free");
		// 3 of 5 tags: 60; 12 slots ≥ 8: 100; department 100; 3 of 3 words: 100; new mother 100; 75% free
		assertThat(b.total()).isEqualTo(40 * 60 + 25 * 100 + 10 * 100 + 15 * 100 + 20 * 100 + 10 * 75);
		assertThat(b.points(Factor.SHARED_SKILLS_AND_INTERESTS)).isEqualTo(2400);
		assertThat(b.factors()).hasSize(Factor.values().length);
	}

	@Test
	void hardLimitsExcludeAndAreNeverJustALowScore() {
		MenteeCandidate mentee = mentee(1, new int[] { 1 }, MONDAY_MORNING);
		WeekSlots tuesday = WeekSlots.ofMinuteRanges(new int[] { 24 * 60 + 9 * 60, 24 * 60 + 12 * 60 });
		List<MentorCandidate> mentors = List.of(
				new MentorCandidate(1, 1, 10L, new int[] { 1 }, null, MONDAY_MORNING, null, false, 3, 0, true),
				new MentorCandidate(2, 2, 10L, new int[] { 1 }, null, MONDAY_MORNING, null, false, 3, 0, true),
				new MentorCandidate(3, 1, 10L, new int[] { 1 }, null, MONDAY_MORNING, null, false, 3, 0, false),
				new MentorCandidate(4, 1, 10L, new int[] { 1 }, null, MONDAY_MORNING, null, false, 2, 2, true),
				new MentorCandidate(5, 1, 10L, new int[] { 1 }, null, tuesday, null, false, 3, 0, true),
				new MentorCandidate(6, 1, 99L, new int[0], null, MONDAY_MORNING, null, false, 1, 0, true));
		List<Exclusion> reasons = mentors.stream()
			.map(m -> MatchScorer.exclusion(mentee, m).orElse(null))
			.toList();
		assertThat(reasons).containsExactly(Exclusion.SAME_PERSON, Exclusion.OTHER_INSTITUTION,
				Exclusion.NOT_ACCEPTING, Exclusion.NO_CAPACITY, Exclusion.NO_AVAILABILITY_OVERLAP, null);
		MatchingIndex index = MatchingIndex.of(mentors, MatchWeights.DEFAULTS);
		assertThat(index.suggest(mentee, 10)).extracting(s -> s.mentor().id()).containsExactly(6L);

		MenteeCandidate alone = mentee(7, new int[] { 1 }, WeekSlots.ofSlots(300));
		AssignmentResult result = BulkAssigner.optimise(index, List.of(alone), AssignmentOptions.defaults());
		UnassignedMentee unassigned = result.unassigned().get(0);
		assertThat(unassigned.reason()).isEqualTo(Reason.NO_ELIGIBLE_MENTOR);
		assertThat(unassigned.exclusions()).containsEntry(Exclusion.NO_AVAILABILITY_OVERLAP, 3)
			.containsEntry(Exclusion.OTHER_INSTITUTION, 1)
			.containsEntry(Exclusion.NOT_ACCEPTING, 1)
			.containsEntry(Exclusion.NO_CAPACITY, 1);
		assertThat(unassigned.mainExclusion()).isEqualTo(Exclusion.NO_AVAILABILITY_OVERLAP);
	}

	// --- suggestions ---

	@Test
	void suggestionsAreTheTopTenByScoreWithTheScorersNumbers() {
		for (int seed = 0; seed < 20; seed++) {
			MatchingInstances in = MatchingInstances.generate(seed, 30, 300, 40, 5, 1.0, 1);
			MatchingIndex index = MatchingIndex.of(in.mentors, new MatchWeights(seed * 5, 30, 10, 100 - seed, 20, 7));
			for (MenteeCandidate mentee : in.mentees) {
				List<Suggestion> top = index.suggest(mentee, 10);
				List<ScoreBreakdown> expected = in.mentors.stream()
					.filter(m -> MatchScorer.exclusion(mentee, m).isEmpty())
					.map(m -> index.scorer().score(mentee, m))
					.sorted(Comparator.comparingInt(ScoreBreakdown::total)
						.reversed()
						.thenComparingLong(ScoreBreakdown::mentorId))
					.limit(10)
					.toList();
				assertThat(top).extracting(Suggestion::breakdown).isEqualTo(expected);
			}
		}
	}

	@Test
	void suggestionsLeaveOutGivenMentors() {
		MatchingInstances in = MatchingInstances.generate(7, 50, 100, 20, 3, 1.0, 1);
		MatchingIndex index = MatchingIndex.of(in.mentors, MatchWeights.DEFAULTS);
		MenteeCandidate mentee = in.mentees.stream().filter(m -> index.suggest(m, 5).size() == 5).findFirst().orElseThrow();
		List<Suggestion> top = index.suggest(mentee, 5);
		long first = top.get(0).mentor().id();
		assertThat(index.suggest(mentee, 5, Set.of(first))).extracting(s -> s.mentor().id())
			.doesNotContain(first)
			.startsWith(top.get(1).mentor().id());
	}

	// --- optimality ---

	/** The exact optimum over the same candidate sets by exhaustive search: {placed, total score}. */
	static long[] exhaustive(CandidateSet cs, boolean cardinalityFirst) {
		Map<Long, Integer> left = new java.util.HashMap<>();
		for (int i = 0; i < cs.menteeCount(); i++) {
			for (int c = 0; c < cs.candidateCount(i); c++) {
				left.put(cs.mentorId(i, c), cs.capacityLeft(cs.mentorId(i, c)));
			}
		}
		long[] best = { -1, -1 };
		search(cs, 0, left, 0, 0, best, cardinalityFirst);
		return best;
	}

	private static void search(CandidateSet cs, int i, Map<Long, Integer> left, long placed, long score, long[] best,
			boolean cardinalityFirst) {
		if (i == cs.menteeCount()) {
			boolean better = cardinalityFirst
					? placed > best[0] || (placed == best[0] && score > best[1])
					: score > best[1] || (score == best[1] && placed > best[0]);
			if (better) {
				best[0] = placed;
				best[1] = score;
			}
			return;
		}
		search(cs, i + 1, left, placed, score, best, cardinalityFirst);
		for (int c = 0; c < cs.candidateCount(i); c++) {
			long mentor = cs.mentorId(i, c);
			int l = left.get(mentor);
			if (l > 0) {
				left.put(mentor, l - 1);
				search(cs, i + 1, left, placed + 1, score + cs.score(i, c), best, cardinalityFirst);
				left.put(mentor, l);
			}
		}
	}

	@Test
	void theOptimiserEqualsTheExhaustiveOptimumAndGreedyIsSometimesWorse() {
		int greedyWorse = 0;
		int greedyFewer = 0;
		int instances = 0;
		for (int seed = 0; seed < 400; seed++) {
			SplittableRandom random = new SplittableRandom(seed);
			int n = 3 + random.nextInt(6);
			int m = 1 + random.nextInt(4);
			MatchingInstances in = MatchingInstances.generate(seed, n, m, 6, 2, 0.5 + random.nextDouble(), 1);
			MatchingIndex index = MatchingIndex.of(in.mentors, MatchWeights.DEFAULTS);
			for (boolean cardinality : new boolean[] { false, true }) {
				AssignmentOptions options = AssignmentOptions.defaults()
					.withCandidatesPerMentee(1 + random.nextInt(3))
					.withMaximiseAssignments(cardinality)
					.withThreads(1);
				BulkAssigner.Prepared prepared = BulkAssigner.prepare(index, in.mentees, options);
				long[] best = exhaustive(prepared.candidates(), cardinality);
				AssignmentResult optimal = BulkAssigner.solveOptimal(prepared);
				AssignmentResult greedy = BulkAssigner.solveGreedy(prepared);
				assertThat(new long[] { optimal.assignedCount(), optimal.totalScore() }).as("seed %d", seed)
					.isEqualTo(best);
				assertCapacityHolds(index, optimal);
				assertCapacityHolds(index, greedy);
				if (!cardinality) {
					assertThat(greedy.totalScore()).isLessThanOrEqualTo(optimal.totalScore());
					greedyWorse += greedy.totalScore() < optimal.totalScore() ? 1 : 0;
				}
				else {
					assertThat(greedy.assignedCount()).isLessThanOrEqualTo(optimal.assignedCount());
					greedyFewer += greedy.assignedCount() < optimal.assignedCount() ? 1 : 0;
				}
				instances++;
			}
		}
		assertThat(instances).isEqualTo(800);
		assertThat(greedyWorse).as("instances where greedy has a lower total").isPositive();
		assertThat(greedyFewer).as("instances where greedy places fewer mentees").isPositive();
	}

	@Test
	void theOptimiserMatchesAnIndependentHungarianSolutionOnLargerInstances() {
		for (int seed = 0; seed < 30; seed++) {
			MatchingInstances in = MatchingInstances.generate(1000 + seed, 60, 15, 12, 3, 0.8, 1);
			MatchingIndex index = MatchingIndex.of(in.mentors, MatchWeights.DEFAULTS);
			BulkAssigner.Prepared prepared = BulkAssigner.prepare(index, in.mentees,
					AssignmentOptions.defaults().withCandidatesPerMentee(5));
			AssignmentResult optimal = BulkAssigner.solveOptimal(prepared);
			assertThat(optimal.totalScore()).as("seed %d", seed).isEqualTo(Hungarian.maxTotal(prepared.candidates()));
		}
	}

	static void assertCapacityHolds(MatchingIndex index, AssignmentResult result) {
		Map<Long, Long> perMentor = new java.util.HashMap<>();
		for (AssignedPair pair : result.pairs()) {
			perMentor.merge(pair.mentorId(), 1L, Long::sum);
		}
		perMentor.forEach((mentor, count) -> assertThat(count)
			.isLessThanOrEqualTo(index.mentor(mentor).orElseThrow().remainingCapacity()));
		assertThat(result.pairs()).extracting(AssignedPair::menteeId).doesNotHaveDuplicates();
	}

	// --- pins, removals, the options ---

	@Test
	void pinsUseCapacityAndRemovalsAreNeverUsed() {
		WeekSlots week = MONDAY_MORNING;
		List<MentorCandidate> mentors = List.of(mentor(100, new int[] { 1 }, week, 1), mentor(200, new int[] { 2 }, week, 1));
		List<MenteeCandidate> mentees = List.of(mentee(1, new int[] { 1 }, week), mentee(2, new int[] { 2 }, week));
		MatchingIndex index = MatchingIndex.of(mentors, MatchWeights.DEFAULTS);
		AssignmentResult plain = BulkAssigner.optimise(index, mentees, AssignmentOptions.defaults());
		assertThat(plain.pairs()).extracting(p -> p.menteeId() + "-" + p.mentorId()).containsExactlyInAnyOrder("1-100",
				"2-200");

		AssignmentResult pinned = BulkAssigner.optimise(index, mentees,
				AssignmentOptions.defaults().withPins(List.of(new Pair(1, 200))));
		assertThat(pinned.pairs()).extracting(p -> p.menteeId() + "-" + p.mentorId() + (p.pinned() ? "*" : ""))
			.containsExactlyInAnyOrder("1-200*", "2-100");
		assertThat(pinned.totalScore()).isEqualTo(pinned.pairs().stream().mapToLong(AssignedPair::score).sum());

		AssignmentResult removed = BulkAssigner.optimise(index, mentees,
				AssignmentOptions.defaults().withRemovals(List.of(new Pair(1, 100), new Pair(1, 200))));
		assertThat(removed.pairs()).extracting(AssignedPair::menteeId).containsExactly(2L);
		assertThat(removed.unassigned()).singleElement().satisfies(u -> {
			assertThat(u.menteeId()).isEqualTo(1);
			assertThat(u.reason()).isEqualTo(Reason.NO_ELIGIBLE_MENTOR);
			assertThat(u.exclusions()).containsEntry(Exclusion.REMOVED, 2);
		});
	}

	@Test
	void badPinsAndRemovalsAreRefused() {
		WeekSlots week = MONDAY_MORNING;
		List<MentorCandidate> mentors = List.of(mentor(100, new int[] { 1 }, week, 1),
				mentor(200, new int[] { 2 }, WeekSlots.ofSlots(200), 1));
		List<MenteeCandidate> mentees = List.of(mentee(1, new int[] { 1 }, week), mentee(2, new int[] { 2 }, week));
		MatchingIndex index = MatchingIndex.of(mentors, MatchWeights.DEFAULTS);
		assertThatThrownBy(() -> BulkAssigner.optimise(index, mentees,
				AssignmentOptions.defaults().withPins(List.of(new Pair(1, 200)))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("no overlapping availability");
		assertThatThrownBy(() -> BulkAssigner.optimise(index, mentees,
				AssignmentOptions.defaults().withPins(List.of(new Pair(1, 100), new Pair(2, 100)))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("no capacity left");
		assertThatThrownBy(() -> BulkAssigner.optimise(index, mentees,
				AssignmentOptions.defaults().withPins(List.of(new Pair(1, 100), new Pair(1, 100)))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("pinned twice");
		assertThatThrownBy(() -> BulkAssigner.optimise(index, mentees, AssignmentOptions.defaults()
			.withPins(List.of(new Pair(1, 100)))
			.withRemovals(List.of(new Pair(1, 100))))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("both pinned and removed");
		assertThatThrownBy(() -> BulkAssigner.optimise(index, mentees,
				AssignmentOptions.defaults().withRemovals(List.of(new Pair(3, 100)))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not in this run");
		assertThatThrownBy(() -> BulkAssigner.optimise(index, mentees,
				AssignmentOptions.defaults().withPins(List.of(new Pair(1, 999)))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Mentor 999");
		assertThatThrownBy(() -> BulkAssigner.optimise(index, List.of(mentees.get(0), mentees.get(0)),
				AssignmentOptions.defaults()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("twice");
	}

	@Test
	void theCardinalityOptionPlacesMoreMenteesAtALowerScore() {
		WeekSlots week = MONDAY_MORNING;
		// mentee 1 fits mentor 100 very well and mentor 200 a little; mentee 2 only fits mentor 100
		List<MentorCandidate> mentors = List.of(mentor(100, new int[] { 1, 2, 3, 4, 5 }, week, 1),
				mentor(200, new int[] { 9 }, WeekSlots.ofSlots(18), 1));
		List<MenteeCandidate> mentees = List.of(
				new MenteeCandidate(1, 1, 10L, new int[] { 1, 2, 3, 4, 5 }, null, WeekSlots.ofSlots(18, 19, 20), null, false),
				new MenteeCandidate(2, 1, 11L, new int[] { 8 }, null, WeekSlots.ofSlots(21, 22, 23), null, false));
		MatchingIndex index = MatchingIndex.of(mentors, MatchWeights.DEFAULTS);
		AssignmentResult byScore = BulkAssigner.optimise(index, mentees, AssignmentOptions.defaults());
		AssignmentResult byCount = BulkAssigner.optimise(index, mentees,
				AssignmentOptions.defaults().withMaximiseAssignments(true));
		assertThat(byScore.assignedCount()).isEqualTo(1);
		assertThat(byScore.unassigned()).singleElement()
			.satisfies(u -> assertThat(u.reason()).isEqualTo(Reason.ALL_CANDIDATES_FULL));
		assertThat(byCount.assignedCount()).isEqualTo(2);
		assertThat(byCount.totalScore()).isLessThan(byScore.totalScore());
	}

	@Test
	void runsAreDeterministicWhateverTheThreads() {
		MatchingInstances in = MatchingInstances.generate(42, 3000, 150, 60, 8, 0.9, 1);
		MatchingIndex index = MatchingIndex.of(in.mentors, MatchWeights.DEFAULTS);
		AssignmentResult a = BulkAssigner.optimise(index, in.mentees, AssignmentOptions.defaults().withThreads(1));
		AssignmentResult b = BulkAssigner.optimise(index, in.mentees, AssignmentOptions.defaults().withThreads(4));
		assertThat(b.pairs()).isEqualTo(a.pairs());
		assertThat(b.unassigned()).isEqualTo(a.unassigned());
		assertThat(b.totalScore()).isEqualTo(a.totalScore());
		assertCapacityHolds(index, a);
		assertThat(a.assignedCount() + a.unassigned().size()).isEqualTo(in.mentees.size());
	}

	@Test
	void reportsProgressAndCanBeCancelled() {
		MatchingInstances in = MatchingInstances.generate(5, 5000, 100, 30, 4, 0.9, 1);
		MatchingIndex index = MatchingIndex.of(in.mentors, MatchWeights.DEFAULTS);
		List<Double> seen = new CopyOnWriteArrayList<>();
		BulkAssigner.optimise(index, in.mentees, AssignmentOptions.defaults().withProgress(seen::add));
		assertThat(seen).isNotEmpty().last().isEqualTo(1.0);
		assertThat(seen).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));

		AtomicInteger polls = new AtomicInteger();
		assertThatThrownBy(() -> BulkAssigner.optimise(index, in.mentees,
				AssignmentOptions.defaults().withCancellation(() -> polls.incrementAndGet() > 2)))
			.isInstanceOf(CancellationException.class);
	}

	@Test
	void emptyRunsAndRunsWithoutCandidatesSolve() {
		MatchingIndex index = MatchingIndex.of(List.of(mentor(100, new int[] { 1 }, MONDAY_MORNING, 2)),
				MatchWeights.DEFAULTS);
		AssignmentResult empty = BulkAssigner.optimise(index, List.of(), AssignmentOptions.defaults());
		assertThat(empty.pairs()).isEmpty();
		assertThat(empty.totalScore()).isZero();
		AssignmentResult none = BulkAssigner.optimise(index,
				List.of(mentee(1, new int[] { 1 }, WeekSlots.ofSlots(300)), mentee(2, new int[] { 1 }, WeekSlots.EMPTY)),
				AssignmentOptions.defaults().withMaximiseAssignments(true));
		assertThat(none.pairs()).isEmpty();
		assertThat(none.unassigned()).extracting(UnassignedMentee::mainExclusion)
			.containsOnly(Exclusion.NO_AVAILABILITY_OVERLAP);
		AssignmentResult noMentors = BulkAssigner.optimise(MatchingIndex.of(List.of(), MatchWeights.DEFAULTS),
				List.of(mentee(1, new int[] { 1 }, MONDAY_MORNING)), AssignmentOptions.defaults());
		assertThat(noMentors.unassigned()).singleElement()
			.satisfies(u -> assertThat(u.reason()).isEqualTo(Reason.NO_ELIGIBLE_MENTOR));
	}

	@Test
	void vocabularyDropsStopWordsAndShortWords() {
		Vocabulary words = new Vocabulary();
		int[] tokens = words.tokens("I want to learn Java and public speaking, Java!");
		assertThat(Arrays.stream(tokens).mapToObj(words::word).toList()).containsExactlyInAnyOrder("java", "public",
				"speaking");
		assertThat(new ArrayList<>(List.of(words.tokens(null).length))).containsExactly(0);
	}

}
