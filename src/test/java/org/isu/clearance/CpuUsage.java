package org.isu.clearance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The benchmarks' CPU figures: where this JVM's processor time went, summed by thread
 * name (digits and trailing numbers dropped, so that a pool's threads add up), and the
 * JVM's total. On a shared machine the wall clock says little; the CPU time per unit of
 * work says where the cost is.
 */
public final class CpuUsage {

	private CpuUsage() {
	}

	/**
	 * This JVM's processor time so far.
	 */
	public static Duration process() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return Duration.ofNanos(os.getProcessCpuTime());
		}
		return Duration.ZERO;
	}

	/**
	 * The processor time of the live threads, by thread name without its numbers.
	 */
	public static Map<String, Duration> byThread() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Duration> total = new TreeMap<>();
		for (long id : threads.getAllThreadIds()) {
			ThreadInfo info = threads.getThreadInfo(id);
			long cpu = threads.getThreadCpuTime(id);
			if (info == null || cpu <= 0) {
				continue;
			}
			String name = info.getThreadName().replaceAll("[0-9]+", "#");
			total.merge(name, Duration.ofNanos(cpu), Duration::plus);
		}
		return total;
	}

	/**
	 * What each thread group used between two {@link #byThread()} readings, the largest
	 * first, those over {@code min} only, e.g. {@code job-executor 41.2 s, outbox-sender
	 * 12.0 s}.
	 */
	public static String since(Map<String, Duration> before, Map<String, Duration> after, Duration min) {
		Map<String, Duration> used = new TreeMap<>();
		after.forEach((name, cpu) -> {
			Duration spent = cpu.minus(before.getOrDefault(name, Duration.ZERO));
			if (spent.compareTo(min) >= 0) {
				used.put(name, spent);
			}
		});
		return used.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
			.map((entry) -> String.format("%s %.1f s", entry.getKey(), entry.getValue().toMillis() / 1000.0))
			.collect(Collectors.joining(", "));
	}

}
