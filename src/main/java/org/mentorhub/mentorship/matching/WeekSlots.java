package org.mentorhub.mentorship.matching;

import java.util.Arrays;

/**
 * Weekly availability as 336 half-hour slots of a UTC week (slot 0 is Monday 00:00–00:30 UTC), in
 * six longs. The overlap of two weeks is the population count of their AND. Immutable.
 */
public final class WeekSlots {

	/** Minutes in a week. */
	public static final int MINUTES_PER_WEEK = 7 * 24 * 60;

	/** Minutes per slot. */
	public static final int SLOT_MINUTES = 30;

	/** Slots per week. */
	public static final int SLOTS = MINUTES_PER_WEEK / SLOT_MINUTES;

	static final int WORDS = (SLOTS + 63) / 64;

	/** No availability. */
	public static final WeekSlots EMPTY = new WeekSlots(new long[WORDS]);

	private final long[] words;

	private WeekSlots(long[] words) {
		this.words = words;
	}

	/**
	 * The slots fully inside the given ranges, each {@code {startMinute, endMinute}} in minutes from
	 * Monday 00:00 UTC (0..10080). A range whose end is before its start wraps over the end of the
	 * week (Sunday evening into Monday morning).
	 */
	public static WeekSlots ofMinuteRanges(int[]... ranges) {
		long[] words = new long[WORDS];
		for (int[] range : ranges) {
			if (range.length != 2) {
				throw new IllegalArgumentException("A range is {startMinute, endMinute}");
			}
			int start = range[0];
			int end = range[1];
			if (start < 0 || start > MINUTES_PER_WEEK || end < 0 || end > MINUTES_PER_WEEK) {
				throw new IllegalArgumentException("Minutes of the week are 0.." + MINUTES_PER_WEEK);
			}
			if (end < start) {
				mark(words, start, MINUTES_PER_WEEK);
				mark(words, 0, end);
			}
			else {
				mark(words, start, end);
			}
		}
		return new WeekSlots(words);
	}

	/** The given slot numbers (0..335). */
	public static WeekSlots ofSlots(int... slots) {
		long[] words = new long[WORDS];
		for (int slot : slots) {
			if (slot < 0 || slot >= SLOTS) {
				throw new IllegalArgumentException("Slots are 0.." + (SLOTS - 1));
			}
			words[slot >>> 6] |= 1L << slot;
		}
		return new WeekSlots(words);
	}

	private static void mark(long[] words, int startMinute, int endMinute) {
		int first = (startMinute + SLOT_MINUTES - 1) / SLOT_MINUTES;
		int last = endMinute / SLOT_MINUTES;
		for (int slot = first; slot < last; slot++) {
			words[slot >>> 6] |= 1L << slot;
		}
	}

	/** The number of slots. */
	public int count() {
		int count = 0;
		for (long word : this.words) {
			count += Long.bitCount(word);
		}
		return count;
	}

	/** The number of slots both weeks have. */
	public int overlap(WeekSlots other) {
		int count = 0;
		for (int i = 0; i < WORDS; i++) {
			count += Long.bitCount(this.words[i] & other.words[i]);
		}
		return count;
	}

	/** Whether the slot is set. */
	public boolean has(int slot) {
		return (this.words[slot >>> 6] & (1L << slot)) != 0;
	}

	void copyTo(long[] target, int offset) {
		System.arraycopy(this.words, 0, target, offset, WORDS);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WeekSlots slots && Arrays.equals(this.words, slots.words);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.words);
	}

	@Override
	public String toString() {
		return "WeekSlots[" + count() + " slots]";
	}

}
