package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random mentees and mentors for tests and the benchmark. */
final class MatchingInstances {

	final List<MenteeCandidate> mentees = new ArrayList<>();

	final List<MentorCandidate> mentors = new ArrayList<>();

	/**
	 * @param skills size of the skill vocabulary (interests: half of it; words: twice)
	 * @param departments number of departments
	 * @param capacityRatio total capacity / mentees
	 */
	static MatchingInstances generate(long seed, int menteeCount, int mentorCount, int skills, int departments,
			double capacityRatio, long institutionId) {
		SplittableRandom random = new SplittableRandom(seed);
		MatchingInstances instances = new MatchingInstances();
		int totalCapacity = (int) Math.round(menteeCount * capacityRatio);
		int[] capacity = new int[mentorCount];
		for (int c = 0; c < totalCapacity; c++) {
			capacity[random.nextInt(mentorCount)]++;
		}
		for (int m = 0; m < mentorCount; m++) {
			int current = capacity[m] > 0 && random.nextInt(5) == 0 ? 1 : 0;
			instances.mentors.add(new MentorCandidate(1_000_000L + m, institutionId, (long) random.nextInt(departments),
					tags(random, skills, 3 + random.nextInt(6)), tags(random, skills / 2 + 1, 2 + random.nextInt(4)),
					week(random, 6 + random.nextInt(20)), tags(random, skills * 2, 4 + random.nextInt(8)),
					random.nextInt(4) == 0, capacity[m] + current, current, random.nextInt(40) != 0));
		}
		for (int i = 0; i < menteeCount; i++) {
			instances.mentees.add(new MenteeCandidate(1L + i, institutionId, (long) random.nextInt(departments),
					tags(random, skills, 2 + random.nextInt(5)), tags(random, skills / 2 + 1, 1 + random.nextInt(4)),
					week(random, 4 + random.nextInt(16)), tags(random, skills * 2, random.nextInt(6)),
					random.nextInt(10) == 0));
		}
		return instances;
	}

	static int[] tags(SplittableRandom random, int vocabulary, int count) {
		int[] out = new int[count];
		for (int i = 0; i < count; i++) {
			// skewed: popular tags are more common
			double u = random.nextDouble();
			out[i] = (int) (vocabulary * u * u);
		}
		return out;
	}

	/** Blocks of 2 h (4 slots), mostly on weekday working hours. */
	static WeekSlots week(SplittableRandom random, int slots) {
		int[] out = new int[slots];
		int n = 0;
		while (n < slots) {
			int day = random.nextInt(7);
			int start = day * 48 + 14 + random.nextInt(24);
			for (int s = 0; s < 4 && n < slots; s++) {
				out[n++] = Math.min(WeekSlots.SLOTS - 1, start + s);
			}
		}
		return WeekSlots.ofSlots(out);
	}

}
