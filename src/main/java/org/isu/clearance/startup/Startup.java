package org.isu.clearance.startup;

import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

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
		// how long each task took, in the log once: a step that grows with the data shows
		// here first
		StringJoiner took = new StringJoiner(", ");
		long started = System.nanoTime();
		for (StartupTask task : this.tasks) {
			String name = ClassUtils.getUserClass(task).getSimpleName();
			log.debug("Startup step {}: {}", task.step(), name);
			long begun = System.nanoTime();
			task.run();
			took.add(name + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun) + " ms");
		}
		log.info("Start-up steps done in {} ms: {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), took);
	}

	List<StartupStep> steps() {
		return this.tasks.stream().map(StartupTask::step).toList();
	}

}
