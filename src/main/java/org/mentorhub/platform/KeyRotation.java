package org.mentorhub.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Key rotation (QUALITY S11, issue 23 part 6): asks every module's {@link SealedValues} to re-seal, batch by
 * batch, each value sealed with another key than {@link SecretBox#activeKeyId()}, so that the old key can
 * then be removed from the ring. Idempotent and resumable: a value under the active key is never touched,
 * so a run that was stopped is finished by running it again.
 */
@Component
class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final List<SealedValues> sealed;

	private final SecretBox box;

	KeyRotation(List<SealedValues> sealed, SecretBox box) {
		this.sealed = sealed;
		this.box = box;
	}

	/** What a run did per {@link SealedValues#name()}, and what is left under other keys. */
	record Result(Map<String, Counts> counts) {

		/** Whether no value is left under another key than the active one. */
		boolean complete() {
			return this.counts.values().stream().allMatch(count -> count.remaining() == 0);
		}

	}

	/** One module's figures: re-sealed now, unreadable (left as they were), still under another key. */
	record Counts(long resealed, long unreadable, long remaining) {
	}

	/** Re-seals everything under the active key, {@code batchSize} rows per transaction. */
	Result resealAll(int batchSize) {
		String active = this.box.activeKeyId();
		Map<String, Counts> counts = new LinkedHashMap<>();
		for (SealedValues values : this.sealed) {
			long resealed = 0;
			long unreadable = 0;
			long after = Long.MIN_VALUE;
			int batches = 0;
			ResealBatch batch;
			do {
				batch = values.resealAfter(after, batchSize);
				after = batch.lastId();
				resealed += batch.resealed();
				unreadable += batch.unreadable();
				if (++batches % 10 == 0) {
					log.info("Re-sealing {}: {} done, {} unreadable so far", values.name(), resealed, unreadable);
				}
			}
			while (batch.full());
			Counts count = new Counts(resealed, unreadable, values.countSealedWithOtherKeys(active));
			log.info("Re-sealed {} under key {}: {} re-sealed, {} unreadable, {} still under another key",
					values.name(), active, count.resealed(), count.unreadable(), count.remaining());
			counts.put(values.name(), count);
		}
		return new Result(counts);
	}

}
