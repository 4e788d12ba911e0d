package org.isu.clearance.operations;

import java.lang.management.ManagementFactory;
import java.util.Map;

import org.isu.clearance.ClearanceApplication;
import org.isu.clearance.Footprint;
import org.isu.clearance.ScratchDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: {@code bench/startup.sh} (Maven profile {@code bench}, {@code -Xmx256m}).
 * Starts the application as production does (profile {@code prod}: no demo data) on an
 * empty PostgreSQL database, so the start includes creating the engine's and the
 * application's tables and deploying the models, and prints the time until it is ready,
 * both from the start of the application and from the start of the JVM.
 */
class StartupBenchmark {

	@Test
	void measure() throws Exception {
		try (ScratchDatabase database = new ScratchDatabase("clearance_bench").create()) {
			long jvmUptimeBefore = ManagementFactory.getRuntimeMXBean().getUptime();
			long started = System.nanoTime();
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ClearanceApplication.class)
				.profiles("prod")
				.properties(Map.of("DB_URL", database.url(), "DB_USER", "postgres", "DB_PASSWORD", "", "ADMIN_USER",
						"bench-admin", "ADMIN_PASSWORD", "a long benchmark passphrase"))
				.run("--server.port=0")) {
				double ready = (System.nanoTime() - started) / 1e9;
				double jvm = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
				// one println: the engine's threads log meanwhile
				System.out.println(String.format(
						"%n[bench] startup: empty_db_ready_s=%.1f jvm_uptime_at_ready_s=%.1f "
								+ "(of which test harness before start %.1f s) %s%n",
						ready, jvm, jvmUptimeBefore / 1000.0, Footprint.heapAfterFullGc()));
			}
		}
	}

}
