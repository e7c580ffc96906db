package org.mentorhub.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDisabledTests {

	@Test
	void noDemoIsLoadedWhenSwitchedOff() {
		new ApplicationContextRunner().withUserConfiguration(DemoDataConfiguration.class)
			.withPropertyValues("mentorhub.demo.enabled=false")
			.run(context -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DemoDataLoader.class)
				.doesNotHaveBean("demoDataRunner"));
	}

}
