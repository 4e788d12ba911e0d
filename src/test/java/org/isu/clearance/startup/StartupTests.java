package org.isu.clearance.startup;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The startup steps run in the order of {@link StartupStep}, whatever order the modules'
 * beans come in, and a failing step stops the start.
 */
class StartupTests {

	private final List<StartupStep> ran = new ArrayList<>();

	@Test
	void stepsRunInTheOrderOfTheListNotOfTheBeans() {
		Startup startup = new Startup(List.of(task(StartupStep.SCHEDULED_STARTS), task(StartupStep.DEMO_DATA),
				task(StartupStep.DEADLINE_WATCHES), task(StartupStep.ACCESS), task(StartupStep.REQUEST_READ_MODEL)));

		startup.run(null);

		assertThat(this.ran).containsExactly(StartupStep.ACCESS, StartupStep.DEMO_DATA, StartupStep.REQUEST_READ_MODEL,
				StartupStep.DEADLINE_WATCHES, StartupStep.SCHEDULED_STARTS);
		assertThat(startup.steps()).isEqualTo(this.ran);
	}

	@Test
	void aFailingStepStopsTheStart() {
		StartupTask failing = new StartupTask() {

			@Override
			public StartupStep step() {
				return StartupStep.DEMO_DATA;
			}

			@Override
			public void run() {
				throw new IllegalStateException("no database");
			}

		};
		Startup startup = new Startup(List.of(task(StartupStep.DEADLINE_WATCHES), failing, task(StartupStep.ACCESS)));

		assertThatThrownBy(() -> startup.run(null)).hasMessage("no database");
		assertThat(this.ran).containsExactly(StartupStep.ACCESS);
	}

	private StartupTask task(StartupStep step) {
		return new StartupTask() {

			@Override
			public StartupStep step() {
				return step;
			}

			@Override
			public void run() {
				StartupTests.this.ran.add(step);
			}

		};
	}

}
