package org.mentorhub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks at the same moment, one thread each, released together by a {@link CyclicBarrier}, and waits
 * for them all: for tests of what racing runs (of one instance or of two) do. The waits are bounds against a
 * hang, not timings: a task that throws, or a race that never finishes, fails the test.
 */
public final class AtOnce {

	private AtOnce() {
	}

	/** Each task's answer, in the order of the tasks. */
	public static <T> List<T> run(List<? extends Callable<T>> tasks) throws Exception {
		CyclicBarrier start = new CyclicBarrier(tasks.size());
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<T>> runs = new ArrayList<>();
			for (Callable<T> task : tasks) {
				runs.add(pool.submit(() -> {
					start.await(60, TimeUnit.SECONDS);
					return task.call();
				}));
			}
			List<T> answers = new ArrayList<>();
			for (Future<T> run : runs) {
				answers.add(run.get(300, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
