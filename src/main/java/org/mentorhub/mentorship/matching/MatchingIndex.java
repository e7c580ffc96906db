package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * A pool of mentors compiled for fast scoring with one institution's weights: the mentors a hard
 * limit of their own excludes (not accepting, no capacity) are set aside, the others are grouped by
 * institution and their skills, interests, expertise words and availability become bit sets, so
 * scoring a pair is a few AND + popcount operations and table look-ups. Gives the same scores as
 * {@link MatchScorer}. Immutable and thread-safe.
 */
public final class MatchingIndex {

	private static final int AVAIL_WORDS = WeekSlots.WORDS;

	private final MatchScorer scorer;

	private final MatchWeights weights;

	private final List<MentorCandidate> mentors;

	private final Map<Long, Integer> mentorById = new HashMap<>();

	/** Dense bit numbers of the mentors' skills, interests (after the skills) and expertise words. */
	private final Map<Integer, Integer> skillBit = new HashMap<>();

	private final Map<Integer, Integer> interestBit = new HashMap<>();

	private final Map<Integer, Integer> wordBit = new HashMap<>();

	private final int tagWords;

	private final int goalWords;

	/** Hot arrays: the mentors no own hard limit excludes, by institution and id. */
	private final int hot;

	private final int[] hotMentor;

	private final long[] hotPerson;

	private final long[] hotAvail;

	private final long[] hotTags;

	private final long[] hotGoals;

	private final int[] hotDepartment;

	private final int[] hotBase;

	private final int[] hotNewMother;

	private final int[] hotCapacity;

	private final Map<Long, int[]> institutionRange = new HashMap<>();

	private final Map<Long, Integer> departmentCode = new HashMap<>();

	private MatchingIndex(Collection<MentorCandidate> mentorProfiles, MatchWeights weights) {
		this.weights = weights;
		this.scorer = new MatchScorer(weights);
		this.mentors = List.copyOf(mentorProfiles);
		for (int i = 0; i < this.mentors.size(); i++) {
			if (this.mentorById.put(this.mentors.get(i).id(), i) != null) {
				throw new IllegalArgumentException("Mentor " + this.mentors.get(i).id() + " is in the pool twice");
			}
		}
		List<Integer> eligible = new ArrayList<>();
		for (int i = 0; i < this.mentors.size(); i++) {
			MentorCandidate m = this.mentors.get(i);
			if (m.accepting() && m.remainingCapacity() > 0) {
				eligible.add(i);
			}
			for (int s : m.skills()) {
				this.skillBit.putIfAbsent(s, this.skillBit.size());
			}
			for (int t : m.expertiseTokens()) {
				this.wordBit.putIfAbsent(t, this.wordBit.size());
			}
		}
		for (MentorCandidate m : this.mentors) {
			for (int s : m.interests()) {
				this.interestBit.putIfAbsent(s, this.skillBit.size() + this.interestBit.size());
			}
		}
		eligible.sort((a, b) -> {
			MentorCandidate x = this.mentors.get(a);
			MentorCandidate y = this.mentors.get(b);
			int c = Long.compare(x.institutionId(), y.institutionId());
			return c != 0 ? c : Long.compare(x.id(), y.id());
		});
		this.tagWords = Math.max(1, (this.skillBit.size() + this.interestBit.size() + 63) / 64);
		this.goalWords = Math.max(1, (this.wordBit.size() + 63) / 64);
		this.hot = eligible.size();
		this.hotMentor = new int[this.hot];
		this.hotPerson = new long[this.hot];
		this.hotAvail = new long[this.hot * AVAIL_WORDS];
		this.hotTags = new long[this.hot * this.tagWords];
		this.hotGoals = new long[this.hot * this.goalWords];
		this.hotDepartment = new int[this.hot];
		this.hotBase = new int[this.hot];
		this.hotNewMother = new int[this.hot];
		this.hotCapacity = new int[this.hot];
		int wCapacity = weights.remainingCapacity();
		int wNewMothers = weights.supportsNewMothers();
		for (int h = 0; h < this.hot; h++) {
			int i = eligible.get(h);
			MentorCandidate m = this.mentors.get(i);
			this.hotMentor[h] = i;
			this.hotPerson[h] = m.id();
			m.availability().copyTo(this.hotAvail, h * AVAIL_WORDS);
			for (int s : m.skills()) {
				setBit(this.hotTags, h * this.tagWords, this.skillBit.get(s));
			}
			for (int s : m.interests()) {
				setBit(this.hotTags, h * this.tagWords, this.interestBit.get(s));
			}
			for (int t : m.expertiseTokens()) {
				setBit(this.hotGoals, h * this.goalWords, this.wordBit.get(t));
			}
			this.hotDepartment[h] = m.departmentId() == null ? -1
					: this.departmentCode.computeIfAbsent(m.departmentId(), d -> this.departmentCode.size());
			this.hotBase[h] = wCapacity * MatchScorer.capacityValue(m.remainingCapacity(), m.capacity());
			this.hotNewMother[h] = m.supportsNewMothers() ? wNewMothers * 100 : 0;
			this.hotCapacity[h] = m.remainingCapacity();
			final int at = h;
			int[] range = this.institutionRange.computeIfAbsent(m.institutionId(), key -> new int[] { at, at });
			range[1] = at + 1;
		}
	}

	/** Compiles the mentors with the weights. Mentor ids must be unique. */
	public static MatchingIndex of(Collection<MentorCandidate> mentors, MatchWeights weights) {
		return new MatchingIndex(mentors, weights);
	}

	public MatchWeights weights() {
		return this.weights;
	}

	public MatchScorer scorer() {
		return this.scorer;
	}

	/** All the mentors, in the order given. */
	public List<MentorCandidate> mentors() {
		return this.mentors;
	}

	/** A mentor by id. */
	public Optional<MentorCandidate> mentor(long id) {
		Integer i = this.mentorById.get(id);
		return i == null ? Optional.empty() : Optional.of(this.mentors.get(i));
	}

	private static void setBit(long[] words, int offset, int bit) {
		words[offset + (bit >>> 6)] |= 1L << bit;
	}

	/** A mentee compiled against this index: bit sets and score tables. */
	final class Probe {

		final long person;

		final long[] avail = new long[AVAIL_WORDS];

		final long[] tags = new long[MatchingIndex.this.tagWords];

		final long[] goals = new long[MatchingIndex.this.goalWords];

		final int department;

		final int departmentPoints;

		final boolean newMother;

		final int[] tagPoints;

		final int[] availPoints = new int[WeekSlots.SLOTS + 1];

		final int[] goalPoints;

		final int from;

		final int to;

		/** The mentee's non-zero words of the tag and word bit sets, for a sparse AND. */
		final int[] tagAt;

		final long[] tagMask;

		final int[] goalAt;

		final long[] goalMask;

		/** The most points shared tags and goal words can add: a bound to skip mentors who cannot make the top k. */
		final int maxRest;

		Probe(MenteeCandidate mentee) {
			this.person = mentee.id();
			mentee.availability().copyTo(this.avail, 0);
			for (int s : mentee.skills()) {
				Integer bit = MatchingIndex.this.skillBit.get(s);
				if (bit != null) {
					setBit(this.tags, 0, bit);
				}
			}
			for (int s : mentee.interests()) {
				Integer bit = MatchingIndex.this.interestBit.get(s);
				if (bit != null) {
					setBit(this.tags, 0, bit);
				}
			}
			for (int t : mentee.goalTokens()) {
				Integer bit = MatchingIndex.this.wordBit.get(t);
				if (bit != null) {
					setBit(this.goals, 0, bit);
				}
			}
			Integer code = mentee.departmentId() == null ? null : MatchingIndex.this.departmentCode.get(mentee.departmentId());
			this.department = code == null ? -2 : code;
			this.departmentPoints = MatchingIndex.this.weights.sameDepartment() * 100;
			this.newMother = mentee.newMother();
			int menteeTags = mentee.skills().length + mentee.interests().length;
			this.tagPoints = new int[menteeTags + 1];
			for (int s = 0; s <= menteeTags; s++) {
				this.tagPoints[s] = MatchingIndex.this.weights.sharedSkillsAndInterests() * MatchScorer.tagValue(s, menteeTags);
			}
			int slots = mentee.availability().count();
			for (int o = 0; o <= WeekSlots.SLOTS; o++) {
				this.availPoints[o] = MatchingIndex.this.weights.availabilityOverlap() * MatchScorer.availabilityValue(o, slots);
			}
			int words = mentee.goalTokens().length;
			this.goalPoints = new int[words + 1];
			for (int g = 0; g <= words; g++) {
				this.goalPoints[g] = MatchingIndex.this.weights.goalsAndExpertise() * MatchScorer.goalValue(g, words);
			}
			int[] range = MatchingIndex.this.institutionRange.get(mentee.institutionId());
			this.from = range == null ? 0 : range[0];
			this.to = range == null ? 0 : range[1];
			this.tagAt = nonZero(this.tags);
			this.tagMask = masks(this.tags, this.tagAt);
			this.goalAt = nonZero(this.goals);
			this.goalMask = masks(this.goals, this.goalAt);
			int tagBits = 0;
			for (long word : this.tags) {
				tagBits += Long.bitCount(word);
			}
			int goalBits = 0;
			for (long word : this.goals) {
				goalBits += Long.bitCount(word);
			}
			this.maxRest = this.tagPoints[tagBits] + this.goalPoints[goalBits];
		}

		private static int[] nonZero(long[] words) {
			int n = 0;
			for (long word : words) {
				n += word != 0 ? 1 : 0;
			}
			int[] at = new int[n];
			n = 0;
			for (int w = 0; w < words.length; w++) {
				if (words[w] != 0) {
					at[n++] = w;
				}
			}
			return at;
		}

		private static long[] masks(long[] words, int[] at) {
			long[] masks = new long[at.length];
			for (int i = 0; i < at.length; i++) {
				masks[i] = words[at[i]];
			}
			return masks;
		}

		/**
		 * The best {@code k} hot mentors by score (ties: lower mentor id), written sorted into the arrays
		 * at {@code offset}; mentors with {@code capacityLeft[h] == 0} or in {@code skip} are left out.
		 * Returns how many.
		 */
		int top(int k, int[] outHot, int[] outScore, int offset, int[] capacityLeft, int[] skip) {
			final long[] av = MatchingIndex.this.hotAvail;
			final long[] tg = MatchingIndex.this.hotTags;
			final long[] gl = MatchingIndex.this.hotGoals;
			final int tw = MatchingIndex.this.tagWords;
			final int gw = MatchingIndex.this.goalWords;
			final int[] dep = MatchingIndex.this.hotDepartment;
			final int[] base = MatchingIndex.this.hotBase;
			final int[] nm = MatchingIndex.this.hotNewMother;
			final long[] person = MatchingIndex.this.hotPerson;
			final long a0 = this.avail[0], a1 = this.avail[1], a2 = this.avail[2], a3 = this.avail[3],
					a4 = this.avail[4], a5 = this.avail[5];
			final int[] tagAt = this.tagAt;
			final long[] tagMask = this.tagMask;
			final int[] goalAt = this.goalAt;
			final long[] goalMask = this.goalMask;
			final int maxRest = this.maxRest;
			final int[] heapScore = new int[k];
			final int[] heapHot = new int[k];
			int size = 0;
			for (int h = this.from; h < this.to; h++) {
				int p = h * AVAIL_WORDS;
				int overlap = Long.bitCount(av[p] & a0) + Long.bitCount(av[p + 1] & a1) + Long.bitCount(av[p + 2] & a2)
						+ Long.bitCount(av[p + 3] & a3) + Long.bitCount(av[p + 4] & a4) + Long.bitCount(av[p + 5] & a5);
				if (overlap == 0 || person[h] == this.person) {
					continue;
				}
				if (capacityLeft != null && capacityLeft[h] == 0) {
					continue;
				}
				if (skip != null && Arrays.binarySearch(skip, h) >= 0) {
					continue;
				}
				int partial = base[h] + this.availPoints[overlap]
						+ (dep[h] == this.department ? this.departmentPoints : 0) + (this.newMother ? nm[h] : 0);
				if (size == k && partial + maxRest <= heapScore[0]) {
					continue; // cannot beat the k-th best even with every tag and word shared
				}
				int shared = 0;
				int t = h * tw;
				for (int w = 0; w < tagAt.length; w++) {
					shared += Long.bitCount(tg[t + tagAt[w]] & tagMask[w]);
				}
				int words = 0;
				int g = h * gw;
				for (int w = 0; w < goalAt.length; w++) {
					words += Long.bitCount(gl[g + goalAt[w]] & goalMask[w]);
				}
				int score = partial + this.tagPoints[shared] + this.goalPoints[words];
				if (size < k) {
					// sift up (min-heap on score, then on larger h as worse)
					int i = size++;
					while (i > 0) {
						int parent = (i - 1) >>> 1;
						if (worse(heapScore[parent], heapHot[parent], score, h)) {
							break;
						}
						heapScore[i] = heapScore[parent];
						heapHot[i] = heapHot[parent];
						i = parent;
					}
					heapScore[i] = score;
					heapHot[i] = h;
				}
				else if (score > heapScore[0]) {
					// replace the root and sift down
					int i = 0;
					while (true) {
						int left = 2 * i + 1;
						if (left >= size) {
							break;
						}
						int right = left + 1;
						int child = right < size && worse(heapScore[right], heapHot[right], heapScore[left], heapHot[left])
								? right : left;
						if (worse(heapScore[child], heapHot[child], score, h)) {
							heapScore[i] = heapScore[child];
							heapHot[i] = heapHot[child];
							i = child;
						}
						else {
							break;
						}
					}
					heapScore[i] = score;
					heapHot[i] = h;
				}
			}
			// sort best first: score desc, then h asc (h order is mentor id order within an institution)
			long[] keys = new long[size];
			for (int i = 0; i < size; i++) {
				keys[i] = ((long) (Integer.MAX_VALUE - heapScore[i]) << 32) | heapHot[i];
			}
			Arrays.sort(keys);
			for (int i = 0; i < size; i++) {
				outHot[offset + i] = (int) keys[i];
				outScore[offset + i] = Integer.MAX_VALUE - (int) (keys[i] >>> 32);
			}
			return size;
		}

	}

	/** Whether (scoreA, hotA) ranks below (scoreB, hotB). */
	private static boolean worse(int scoreA, int hotA, int scoreB, int hotB) {
		return scoreA < scoreB || (scoreA == scoreB && hotA > hotB);
	}

	/**
	 * The best {@code limit} mentors for the mentee, best first (ties: lower mentor id), hard limits
	 * applied, each with its breakdown.
	 */
	public List<Suggestion> suggest(MenteeCandidate mentee, int limit) {
		return suggest(mentee, limit, Set.of());
	}

	/** As {@link #suggest(MenteeCandidate, int)}, leaving out the given mentor ids. */
	public List<Suggestion> suggest(MenteeCandidate mentee, int limit, Set<Long> leaveOut) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		int[] outHot = new int[limit];
		int[] outScore = new int[limit];
		int n = new Probe(mentee).top(limit, outHot, outScore, 0, null, hotIndexes(leaveOut));
		List<Suggestion> suggestions = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			MentorCandidate mentor = hotProfile(outHot[i]);
			suggestions.add(new Suggestion(mentor, this.scorer.score(mentee, mentor)));
		}
		return suggestions;
	}

	/** The breakdown of one pair, or the hard limit that excludes it. */
	public Optional<Exclusion> exclusion(MenteeCandidate mentee, MentorCandidate mentor) {
		return MatchScorer.exclusion(mentee, mentor);
	}

	int[] hotIndexes(Collection<Long> mentorIds) {
		if (mentorIds == null || mentorIds.isEmpty()) {
			return null;
		}
		int[] out = new int[mentorIds.size()];
		int n = 0;
		for (long id : mentorIds) {
			int h = hotIndex(id);
			if (h >= 0) {
				out[n++] = h;
			}
		}
		if (n == 0) {
			return null;
		}
		out = Arrays.copyOf(out, n);
		Arrays.sort(out);
		return out;
	}

	/** The hot index of a mentor, or -1 when a hard limit of their own excludes them. */
	int hotIndex(long mentorId) {
		Integer i = this.mentorById.get(mentorId);
		if (i == null) {
			return -1;
		}
		MentorCandidate m = this.mentors.get(i);
		int[] range = this.institutionRange.get(m.institutionId());
		if (range == null) {
			return -1;
		}
		int lo = range[0];
		int hi = range[1] - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			long id = this.hotPerson[mid];
			if (id < mentorId) {
				lo = mid + 1;
			}
			else if (id > mentorId) {
				hi = mid - 1;
			}
			else {
				return mid;
			}
		}
		return -1;
	}

	MentorCandidate hotProfile(int h) {
		return this.mentors.get(this.hotMentor[h]);
	}

	int hotCount() {
		return this.hot;
	}

	int hotRemaining(int h) {
		return this.hotCapacity[h];
	}

	/** Counts, for a mentee without candidates, why each mentor of the pool is excluded. */
	Map<Exclusion, Integer> exclusionCounts(MenteeCandidate mentee, int[] capacityLeft, Set<Long> removed) {
		Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
		for (MentorCandidate mentor : this.mentors) {
			Exclusion reason = MatchScorer.exclusion(mentee, mentor).orElse(null);
			if (reason == null) {
				int h = hotIndex(mentor.id());
				if (capacityLeft != null && h >= 0 && capacityLeft[h] == 0) {
					reason = Exclusion.NO_CAPACITY;
				}
				else if (removed != null && removed.contains(mentor.id())) {
					reason = Exclusion.REMOVED;
				}
			}
			if (reason != null) {
				counts.merge(reason, 1, Integer::sum);
			}
		}
		return counts;
	}

	/**
	 * Each mentee's top {@code k} candidates, in parallel over {@code threads} threads. Reports
	 * progress (0..1) and stops with a {@link CancellationException} when {@code cancelled} says so.
	 */
	CandidateSet candidates(List<MenteeCandidate> mentees, int k, Map<Long, Set<Long>> removals, int[] capacityLeft,
			int threads, DoubleConsumer progress, BooleanSupplier cancelled) {
		int n = mentees.size();
		int[] hotOut = new int[n * k];
		int[] scoreOut = new int[n * k];
		int[] counts = new int[n];
		int chunk = Math.max(64, Math.min(2048, n / (threads * 16) + 1));
		int chunks = (n + chunk - 1) / chunk;
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Runnable worker = () -> {
			try {
				int c;
				while ((c = next.getAndIncrement()) < chunks && failure.get() == null) {
					if (cancelled != null && cancelled.getAsBoolean()) {
						throw new CancellationException("The bulk assignment was cancelled");
					}
					int end = Math.min(n, (c + 1) * chunk);
					for (int i = c * chunk; i < end; i++) {
						MenteeCandidate mentee = mentees.get(i);
						Set<Long> removed = removals.get(mentee.id());
						counts[i] = new Probe(mentee).top(k, hotOut, scoreOut, i * k, capacityLeft, hotIndexes(removed));
					}
					int finished = done.incrementAndGet();
					if (progress != null) {
						synchronized (progress) {
							progress.accept((double) finished / chunks);
						}
					}
				}
			}
			catch (Throwable ex) {
				failure.compareAndSet(null, ex);
			}
		};
		int workers = Math.max(1, Math.min(threads, chunks));
		if (workers == 1) {
			worker.run();
		}
		else {
			Thread[] pool = new Thread[workers - 1];
			for (int t = 0; t < pool.length; t++) {
				pool[t] = new Thread(worker, "matching-" + t);
				pool[t].setDaemon(true);
				pool[t].start();
			}
			worker.run();
			for (Thread thread : pool) {
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failure.compareAndSet(null, new CancellationException("Interrupted"));
				}
			}
		}
		Throwable ex = failure.get();
		if (ex instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (ex instanceof Error error) {
			throw error;
		}
		return new CandidateSet(this, mentees, k, hotOut, scoreOut, counts, capacityLeft, removals);
	}

}
