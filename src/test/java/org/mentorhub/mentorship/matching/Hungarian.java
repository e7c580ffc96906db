package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent exact method for tests: the Hungarian algorithm (O(n²m), maximisation) on a matrix
 * of mentees × mentor capacity slots, pairs outside the candidate sets forbidden, plus one "unassigned"
 * column per mentee worth 0 (score mode: the highest total score).
 */
final class Hungarian {

	private Hungarian() {
	}

	static long maxTotal(CandidateSet cs) {
		int n = cs.menteeCount();
		Map<Long, List<Integer>> slots = new LinkedHashMap<>();
		int columns = 0;
		for (int i = 0; i < n; i++) {
			for (int c = 0; c < cs.candidateCount(i); c++) {
				long mentor = cs.mentorId(i, c);
				if (!slots.containsKey(mentor)) {
					List<Integer> list = new ArrayList<>();
					for (int s = 0; s < cs.capacityLeft(mentor); s++) {
						list.add(columns++);
					}
					slots.put(mentor, list);
				}
			}
		}
		int m = columns + n;
		long forbidden = Long.MAX_VALUE / 4;
		long[][] cost = new long[n][m];
		for (long[] row : cost) {
			Arrays.fill(row, forbidden);
		}
		for (int i = 0; i < n; i++) {
			cost[i][columns + i] = 0;
			for (int c = 0; c < cs.candidateCount(i); c++) {
				for (int column : slots.get(cs.mentorId(i, c))) {
					cost[i][column] = -cs.score(i, c);
				}
			}
		}
		return -minCost(cost);
	}

	/** Minimum cost of assigning every row to a distinct column (rows ≤ columns), e-maxx style. */
	static long minCost(long[][] a) {
		int n = a.length;
		int m = a[0].length;
		long inf = Long.MAX_VALUE / 2;
		long[] u = new long[n + 1];
		long[] v = new long[m + 1];
		int[] p = new int[m + 1];
		int[] way = new int[m + 1];
		for (int i = 1; i <= n; i++) {
			p[0] = i;
			int j0 = 0;
			long[] minv = new long[m + 1];
			Arrays.fill(minv, inf);
			boolean[] used = new boolean[m + 1];
			do {
				used[j0] = true;
				int i0 = p[j0];
				long delta = inf;
				int j1 = 0;
				for (int j = 1; j <= m; j++) {
					if (!used[j]) {
						long cur = a[i0 - 1][j - 1] - u[i0] - v[j];
						if (cur < minv[j]) {
							minv[j] = cur;
							way[j] = j0;
						}
						if (minv[j] < delta) {
							delta = minv[j];
							j1 = j;
						}
					}
				}
				for (int j = 0; j <= m; j++) {
					if (used[j]) {
						u[p[j]] += delta;
						v[j] -= delta;
					}
					else {
						minv[j] -= delta;
					}
				}
				j0 = j1;
			}
			while (p[j0] != 0);
			do {
				int j1 = way[j0];
				p[j0] = p[j1];
				j0 = j1;
			}
			while (j0 != 0);
		}
		long total = 0;
		for (int j = 1; j <= m; j++) {
			if (p[j] != 0) {
				total += a[p[j] - 1][j - 1];
			}
		}
		return total;
	}

}
