package org.mentorhub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(MentorHubApplication.class);

	@Test
	void modulesRespectTheirBoundariesAndHaveNoCycles() {
		MODULES.verify();
	}

	@Test
	void everyModuleOfTheStyleGuideExists() {
		assertThat(MODULES.stream().map(module -> module.getIdentifier().toString())).contains("identity",
				"organization", "profile", "mentorship", "session", "goal", "learning", "alert", "wellbeing",
				"messaging", "resource", "attachment", "support", "notification", "audit", "calendar", "integration",
				"report", "platform", "demo");
	}

	@Test
	void writesModuleDocumentation() throws java.io.IOException {
		Documenter documenter = new Documenter(MODULES);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();

		java.nio.file.Path components = java.nio.file.Path.of("target", "spring-modulith-docs", "components.puml");
		assertThat(java.nio.file.Files.readString(components)).contains("Identity", "Organization", "Platform");
	}

}
