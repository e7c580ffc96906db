package org.mentorhub;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.mentorhub");

	static final List<String> MODULES = ModularityTests.MODULES.stream()
		.map(module -> module.getBasePackage().getName())
		.toList();

	/** Another module's entity or repository. */
	static DescribedPredicate<JavaClass> entityOrRepositoryOutside(String modulePackage) {
		return DescribedPredicate.describe("an entity or repository outside " + modulePackage,
				type -> !type.getPackageName().startsWith(modulePackage)
						&& type.getPackageName().startsWith("org.mentorhub")
						&& (type.isAnnotatedWith(Entity.class) || type.isAssignableTo(Repository.class)));
	}

	// R5 (QUALITY.md): on several instances a scheduled job runs once per cluster. Every @Scheduled method takes
	// a ShedLock, except the job runner's heartbeat, which each instance must beat for its own running jobs
	// (JobRecovery, which is locked, reads the heartbeats).
	@Test
	void everyScheduledJobTakesItsShedLock() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
			.that()
			.areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
			.and(DescribedPredicate.describe("are not the job runner's heartbeat",
					method -> !(method.getOwner().getName().equals("org.mentorhub.platform.jobs.JobRunner")
							&& method.getName().equals("beat"))))
			.should()
			.beAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)
			.check(CLASSES);
	}

	// Modules talk through facades, records and events; an entity or repository used across a
	// module boundary would couple their persistence and bypass the owner's authorization checks.
	@Test
	void noModuleReachesIntoAnotherModulesEntitiesOrRepositories() {
		for (String module : MODULES) {
			ArchRule rule = noClasses().that()
				.resideInAPackage(module + "..")
				.should()
				.dependOnClassesThat(entityOrRepositoryOutside(module))
				.allowEmptyShould(true);
			rule.check(CLASSES);
		}
	}

	// Entities and repositories are package-private, so the compiler already keeps them inside.
	@Test
	void entitiesAndRepositoriesArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.or()
			.areAssignableTo(Repository.class)
			.and()
			.resideInAPackage("org.mentorhub..")
			.should()
			.notBePublic()
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	// Controllers are thin and package-private (petclinic style); only their module wires them.
	@Test
	void controllersArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.check(CLASSES);
	}

	// The REST API lives under /api/v1 and its controllers say so in their name.
	@Test
	void restControllersAreNamedRestController() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.haveSimpleNameEndingWith("RestController")
			.check(CLASSES);
	}

	// Entities never leave their module, so templates and JSON never see them.
	@Test
	void controllersDoNotDependOnEntities() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.areAnnotatedWith(Entity.class)
			.check(CLASSES);
	}

}
