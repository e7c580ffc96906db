package org.mentorhub;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Side effects travel as events (docs/architecture.md, "Side effects and retries"). */
class SideEffectArchitectureTests {

	// A hand-written after-commit hook runs once, in memory: a crash or a failure after the commit
	// loses it. An event with a listener is kept in the publication registry and retried.
	@Test
	void nobodyRegistersTransactionSynchronizationsByHand() {
		noClasses().should()
			.callMethod(TransactionSynchronizationManager.class, "registerSynchronization",
					org.springframework.transaction.support.TransactionSynchronization.class)
			.because("side effects are event listeners, retried from the event publication registry")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.mentorhub"));
	}

}
