package org.mentorhub.mentorship;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;

import org.mentorhub.mentorship.MatchingInputs.MentorPool;
import org.mentorhub.mentorship.matching.MatchWeights;
import org.mentorhub.mentorship.matching.MatchingIndex;
import org.mentorhub.platform.LocalCaches;
import org.mentorhub.profile.MatchingProfileChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The mentors of each institution, loaded and compiled into a {@link MatchingIndex} once and kept for
 * mentor suggestions (docs/suggestions.md, "Cache"), instead of reading the whole institution on every
 * request. An institution's pool is dropped when one of its mentors' profile, availability or places
 * changes ({@link MatchingProfileChanged}, after the commit; places change when a mentorship is
 * approved, ends or resumes), and in any case {@value #TTL_SECONDS} seconds after it was loaded
 * ({@code mentorhub.platform.caches.ttl.mentor-pools}): the bound for what this instance does not hear
 * of (another instance's changes, account changes such as a disabled mentor). The weights are read per
 * request; the index is recompiled from the kept pool when they differ from the ones it was built with.
 * The mentee's own inputs and open mentorships are always read fresh. A load that began before a
 * change committed may still keep the older pool: the time to live bounds that too.
 */
@Component
class MentorPools {

	static final long TTL_SECONDS = 60;

	/** One institution's pool and the index last compiled from it. */
	record Entry(MentorPool pool, AtomicReference<Compiled> compiled) {

		boolean has(long mentorId) {
			return this.pool.mentors().stream().anyMatch(mentor -> mentor.id() == mentorId);
		}

		MatchingIndex index(MatchWeights weights) {
			Compiled current = this.compiled.get();
			if (current != null && current.weights().equals(weights)) {
				return current.index();
			}
			MatchingIndex index = MatchingIndex.of(this.pool.mentors(), weights);
			this.compiled.set(new Compiled(weights, index));
			return index;
		}

	}

	record Compiled(MatchWeights weights, MatchingIndex index) {
	}

	private final MatchingInputs inputs;

	private final Cache<Long, Entry> pools;

	MentorPools(MatchingInputs inputs, LocalCaches caches) {
		this.inputs = inputs;
		this.pools = caches.create("mentor-pools", Duration.ofSeconds(TTL_SECONDS), 1_000);
	}

	/** The institution's pool: the kept one, or loaded now (one loader per institution at a time). */
	Entry of(long institutionId) {
		return this.pools.get(institutionId,
				id -> new Entry(this.inputs.mentorPool(id), new AtomicReference<>()));
	}

	/** A mentor's profile, availability or places changed: the pools that hold them are dropped. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(MatchingProfileChanged changed) {
		this.pools.asMap().values().removeIf(entry -> entry.has(changed.userId()));
	}

}
