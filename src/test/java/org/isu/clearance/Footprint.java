package org.isu.clearance;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The benchmarks' memory figure: heap in use after a full collection, against the maximum
 * the JVM was given ({@code -Xmx256m} in the {@code bench} profile).
 */
public final class Footprint {

	private Footprint() {
	}

	/**
	 * Runs a full collection and describes the heap then in use, e.g.
	 * {@code heap_after_full_gc_mb=87 heap_max_mb=256}.
	 */
	public static String heapAfterFullGc() {
		for (int i = 0; i < 2; i++) {
			System.gc();
		}
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return String.format("heap_after_full_gc_mb=%d heap_max_mb=%d", heap.getUsed() >> 20, heap.getMax() >> 20);
	}

}
