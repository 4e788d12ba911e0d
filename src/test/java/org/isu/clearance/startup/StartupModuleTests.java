package org.isu.clearance.startup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isu.clearance.ModuleTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up list alone, without a process engine: the tasks the context declares ran
 * once each at start, in the order of their steps, whatever the order of their beans.
 */
@ModuleTest
@TestPropertySource(properties = ModuleTest.WITHOUT_ENGINE)
class StartupModuleTests {

	private static final List<StartupStep> RAN = new CopyOnWriteArrayList<>();

	@Autowired
	private Startup startup;

	@Test
	void runsTheDeclaredTasksOnceInTheOrderOfTheirSteps() {
		assertThat(RAN).containsExactly(StartupStep.values()[0], StartupStep.values()[StartupStep.values().length - 1]);
		assertThat(this.startup.steps()).containsExactlyElementsOf(RAN);
	}

	@TestConfiguration
	static class Tasks {

		@Bean
		StartupTask last() {
			return task(StartupStep.values()[StartupStep.values().length - 1]);
		}

		@Bean
		StartupTask first() {
			return task(StartupStep.values()[0]);
		}

		private static StartupTask task(StartupStep step) {
			return new StartupTask() {

				@Override
				public StartupStep step() {
					return step;
				}

				@Override
				public void run() {
					RAN.add(step);
				}

			};
		}

	}

}
