package org.mentorhub.mentorship.matching;

import java.util.Arrays;

final class Ids {

	private Ids() {
	}

	static int[] sortedDistinct(int[] ids) {
		if (ids == null || ids.length == 0) {
			return new int[0];
		}
		int[] sorted = ids.clone();
		Arrays.sort(sorted);
		int n = 1;
		for (int i = 1; i < sorted.length; i++) {
			if (sorted[i] != sorted[n - 1]) {
				sorted[n++] = sorted[i];
			}
		}
		return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
	}

	/** The ids in both sorted arrays. */
	static int[] intersection(int[] a, int[] b) {
		int[] out = new int[Math.min(a.length, b.length)];
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] < b[j]) {
				i++;
			}
			else if (a[i] > b[j]) {
				j++;
			}
			else {
				out[n++] = a[i];
				i++;
				j++;
			}
		}
		return Arrays.copyOf(out, n);
	}

}
