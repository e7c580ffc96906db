package org.mentorhub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The events of one type published while it is open, on any thread (unlike Spring's
 * {@code ApplicationEvents}, which sees the test's thread only): a listener added to the running
 * application context and removed again on {@link #close()}, so that the context stays the shared one.
 * Jobs also run in the background, so tests pick their own events by id ({@link #matching}).
 */
public final class CapturedEvents<T> implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final List<T> events = new CopyOnWriteArrayList<>();

	private final ApplicationListener<ApplicationEvent> listener;

	private CapturedEvents(ConfigurableApplicationContext context, Class<T> type) {
		this.context = context;
		this.listener = event -> {
			if (event instanceof PayloadApplicationEvent<?> payload && type.isInstance(payload.getPayload())) {
				this.events.add(type.cast(payload.getPayload()));
			}
		};
		context.addApplicationListener(this.listener);
	}

	/** Starts catching the events of this type. */
	public static <T> CapturedEvents<T> of(ApplicationContext context, Class<T> type) {
		return new CapturedEvents<>((ConfigurableApplicationContext) context, type);
	}

	/** The events caught so far that match. */
	public List<T> matching(Predicate<? super T> filter) {
		return this.events.stream().filter(filter).toList();
	}

	@Override
	public void close() {
		this.context.removeApplicationListener(this.listener);
	}

}
