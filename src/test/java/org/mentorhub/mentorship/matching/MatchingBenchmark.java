package org.mentorhub.mentorship.matching;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The matching benchmark (not a test; its name does not end in Tests): generated instances of
 * 2,000 × 100, 20,000 × 800 and 100,000 × 4,000 (mentees × mentors), each solved by the optimiser
 * and by the greedy baseline in the same process on the same candidates, medians over several runs;
 * then the latency of a mentee's top 10 over 4,000 mentors. Run by bench/matching/run.sh.
 */
public final class MatchingBenchmark {

	private MatchingBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		StringBuilder out = new StringBuilder();
		int k = Integer.getInteger("bench.k", AssignmentOptions.DEFAULT_CANDIDATES);
		line(out, "# K = %d candidates per mentee, %d scoring threads, weights %s", k,
				Runtime.getRuntime().availableProcessors(), MatchWeights.DEFAULTS);
		line(out, "# max heap %d MB", Runtime.getRuntime().maxMemory() >> 20);
		BulkAssigner.loadNativeLibraries();
		String sizes = System.getProperty("bench.sizes", "2000x100:7,20000x800:5,100000x4000:3");
		for (String size : sizes.split(",")) {
			String[] parts = size.split("[x:]");
			run(out, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), k);
		}
		suggestions(out, 4000, Integer.getInteger("bench.queries", 20000));
		line(out, "# load average at the end: %s", loadAverage());
		String file = System.getProperty("bench.out");
		if (file != null) {
			Files.writeString(Path.of(file), out.toString(), java.nio.charset.StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		}
	}

	private static void run(StringBuilder out, int menteeCount, int mentorCount, int runs, int k) {
		MatchingInstances in = MatchingInstances.generate(menteeCount * 31L + mentorCount, menteeCount, mentorCount,
				200, 20, 0.95, 1);
		long capacity = in.mentors.stream()
			.filter(MentorCandidate::accepting)
			.mapToLong(MentorCandidate::remainingCapacity)
			.sum();
		line(out, "");
		line(out, "## %,d mentees x %,d mentors (capacity left %,d; %d runs, medians; load %s)", menteeCount, mentorCount,
				capacity, runs, loadAverage());
		AssignmentOptions options = AssignmentOptions.defaults().withCandidatesPerMentee(k);
		// warm-up
		BulkAssigner.Prepared warm = BulkAssigner.prepare(MatchingIndex.of(in.mentors, MatchWeights.DEFAULTS),
				in.mentees, options);
		BulkAssigner.solveOptimal(warm);
		BulkAssigner.solveGreedy(warm);
		warm = null;
		System.gc();
		resetPeaks();
		double[] index = new double[runs];
		double[] candidates = new double[runs];
		double[] flow = new double[runs];
		double[] optimal = new double[runs];
		double[] endToEnd = new double[runs];
		double[] greedy = new double[runs];
		double[] cpuCandidates = new double[runs];
		double[] cpuOptimal = new double[runs];
		double[] cpuEndToEnd = new double[runs];
		double[] cpuGreedy = new double[runs];
		AssignmentResult best = null;
		AssignmentResult base = null;
		long pairs = 0;
		for (int r = 0; r < runs; r++) {
			long c0 = cpu();
			long t0 = System.nanoTime();
			MatchingIndex matchingIndex = MatchingIndex.of(in.mentors, MatchWeights.DEFAULTS);
			long t1 = System.nanoTime();
			long c1 = cpu();
			BulkAssigner.Prepared prepared = BulkAssigner.prepare(matchingIndex, in.mentees, options);
			long t2 = System.nanoTime();
			long c2 = cpu();
			best = BulkAssigner.solveOptimal(prepared);
			long t3 = System.nanoTime();
			long c3 = cpu();
			base = BulkAssigner.solveGreedy(prepared);
			long t4 = System.nanoTime();
			long c4 = cpu();
			cpuCandidates[r] = ms(c2 - c1);
			cpuOptimal[r] = ms(c3 - c2);
			cpuEndToEnd[r] = ms(c3 - c0);
			cpuGreedy[r] = ms(c4 - c3);
			pairs = prepared.candidates().pairCount();
			index[r] = ms(t1 - t0);
			candidates[r] = ms(t2 - t1);
			flow[r] = ms(best.solveNanos());
			optimal[r] = ms(t3 - t2);
			endToEnd[r] = ms(t3 - t0);
			greedy[r] = ms(t4 - t3);
		}
		long heapPeak = heapPeakBytes();
		line(out, "  candidate pairs (top-%d): %,d", k, pairs);
		line(out, "  (wall = elapsed time; cpu = process CPU time, all threads, incl. GC and OR-Tools' native code)");
		line(out, "  index build              wall %8.1f ms", median(index));
		line(out, "  score + top-K candidates wall %8.1f ms   cpu %8.1f ms", median(candidates), median(cpuCandidates));
		line(out, "  optimiser: min-cost flow wall %8.1f ms", median(flow));
		line(out, "  optimiser: flow + result wall %8.1f ms   cpu %8.1f ms  (result = pairs, breakdowns, reasons)",
				median(optimal), median(cpuOptimal));
		line(out, "  optimiser END TO END     wall %8.1f ms   cpu %8.1f ms  (index + candidates + flow + result)",
				median(endToEnd), median(cpuEndToEnd));
		line(out, "  greedy (same candidates) wall %8.1f ms   cpu %8.1f ms  (sort + take + result)", median(greedy),
				median(cpuGreedy));
		line(out, "  optimiser: total score %,d, assigned %,d, unassigned %,d", best.totalScore(), best.assignedCount(),
				best.unassigned().size());
		line(out, "  greedy:    total score %,d, assigned %,d, unassigned %,d", base.totalScore(), base.assignedCount(),
				base.unassigned().size());
		line(out, "  ratio optimiser / greedy total score: %.4f; unassigned greedy / optimiser: %s",
				(double) best.totalScore() / base.totalScore(),
				best.unassigned().isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f",
						(double) base.unassigned().size() / best.unassigned().size()));
		long noCandidate = best.unassigned()
			.stream()
			.filter(u -> u.reason() == AssignmentResult.Reason.NO_ELIGIBLE_MENTOR)
			.count();
		line(out, "  optimiser unassigned: %,d without any eligible mentor, %,d with all candidates full", noCandidate,
				best.unassigned().size() - noCandidate);
		line(out, "  heap: peak used %,d MB over these runs (max heap %,d MB); process peak RSS %s (OR-Tools is native)",
				heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20, peakRss());
		System.out.print(out.substring(Math.max(0, out.lastIndexOf("\n## "))));
		System.out.flush();
	}

	private static void suggestions(StringBuilder out, int mentorCount, int queries) {
		MatchingInstances in = MatchingInstances.generate(99, 2000, mentorCount, 200, 20, 0.95, 1);
		MatchingIndex index = MatchingIndex.of(in.mentors, MatchWeights.DEFAULTS);
		SplittableRandom random = new SplittableRandom(1);
		long sink = 0;
		for (int i = 0; i < queries; i++) {
			sink += index.suggest(in.mentees.get(random.nextInt(in.mentees.size())), 10).size();
		}
		double[] times = new double[queries];
		for (int i = 0; i < queries; i++) {
			MenteeCandidate mentee = in.mentees.get(random.nextInt(in.mentees.size()));
			long t0 = System.nanoTime();
			sink += index.suggest(mentee, 10).size();
			times[i] = (System.nanoTime() - t0) / 1000.0;
		}
		Arrays.sort(times);
		line(out, "");
		line(out, "## top-10 suggestions over %,d mentors, with breakdowns (%,d queries after %,d warm-up; load %s)",
				mentorCount, queries, queries, loadAverage());
		line(out, "  p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us (checksum %d)", times[queries / 2],
				times[queries * 9 / 10], times[queries * 99 / 100], times[queries * 999 / 1000], times[queries - 1], sink);
		System.out.print(out.substring(Math.max(0, out.lastIndexOf("\n## "))));
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long heapPeakBytes() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

	private static String peakRss() {
		try {
			for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (l.startsWith("VmHWM:")) {
					return (Long.parseLong(l.replaceAll("\\D", "")) >> 10) + " MB";
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return "n/a";
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " "
					+ Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[1];
		}
		catch (IOException | RuntimeException ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static void line(StringBuilder out, String format, Object... args) {
		out.append(String.format(Locale.ROOT, format, args)).append('\n');
	}


}
