package org.isu.clearance;

import java.time.Duration;

import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.awaitility.Awaitility.await;

/**
 * The module events' listeners ({@code @ApplicationModuleListener}) run asynchronously on
 * the application's task executor, handed over when the publishing transaction commits
 * (before the publishing call returns): once the executor is idle, every listener of the
 * events published so far has run.
 */
public final class ModuleEvents {

	private ModuleEvents() {
	}

	/** Waits until every listener of the events published so far has run. */
	public static void awaitListeners(ApplicationContext context) {
		ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> executor.getActiveCount() == 0 && executor.getThreadPoolExecutor().getQueue().isEmpty());
	}

}
