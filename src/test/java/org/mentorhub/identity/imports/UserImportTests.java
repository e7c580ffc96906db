package org.mentorhub.identity.imports;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.imports.ImportStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserImportTests {

	static UserImport aPreview() {
		return UserImport.preview(1L, 2L, "people.csv", "0".repeat(64), 3, 2, Instant.parse("2026-01-05T10:00:00Z"));
	}

	@Test
	void aPreviewIsCommittedOnceAndThenFinishes() {
		UserImport upload = aPreview();
		upload.startCommitting();
		assertThat(upload.getStatus()).isEqualTo(ImportStatus.COMMITTING);

		assertThatThrownBy(upload::startCommitting).isInstanceOf(StateTransitionException.class)
			.hasMessageContaining("already been started");
		assertThatThrownBy(() -> upload.discard(Instant.now())).isInstanceOf(StateTransitionException.class);

		upload.finish(Instant.parse("2026-01-05T10:01:00Z"));
		assertThat(upload.getStatus()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(upload.getFinishedAt()).isEqualTo(Instant.parse("2026-01-05T10:01:00Z"));
	}

	@Test
	void aDiscardedPreviewCanNoLongerBeCommitted() {
		UserImport upload = aPreview();
		upload.discard(Instant.now());

		assertThatThrownBy(upload::startCommitting).isInstanceOf(StateTransitionException.class)
			.hasMessageContaining("discarded");
		assertThatThrownBy(() -> upload.finish(Instant.now())).isInstanceOf(StateTransitionException.class);
	}

	@Test
	void onlyARunningImportFails() {
		UserImport upload = aPreview();
		upload.fail(Instant.now());
		assertThat(upload.getStatus()).isEqualTo(ImportStatus.PREVIEW);
		upload.startCommitting();
		upload.fail(Instant.now());
		assertThat(upload.getStatus()).isEqualTo(ImportStatus.FAILED);
	}

}
