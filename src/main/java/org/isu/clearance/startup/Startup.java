package org.isu.clearance.startup;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link StartupTask} once the application has started, one after the
 * other in the order of {@link StartupStep}. A task that throws stops the start, as an
 * {@code ApplicationRunner} does.
 */
@Component
class Startup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Startup.class);

	private final List<StartupTask> tasks;

	Startup(List<StartupTask> tasks) {
		this.tasks = tasks.stream().sorted(Comparator.comparing(StartupTask::step)).toList();
	}

	@Override
	public void run(ApplicationArguments args) {
		for (StartupTask task : this.tasks) {
			log.debug("Startup step {}", task.step());
			task.run();
		}
	}

	List<StartupStep> steps() {
		return this.tasks.stream().map(StartupTask::step).toList();
	}

}
