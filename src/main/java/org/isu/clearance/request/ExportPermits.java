package org.isu.clearance.request;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * How many CSV exports may stream at once. An export holds a database connection until
 * its client has read the last row, so a few slow or hostile clients could otherwise take
 * the whole pool; one more is refused (429) and may try again.
 */
@Component
class ExportPermits {

	private final Semaphore permits;

	ExportPermits(RequestListProperties properties) {
		this.permits = new Semaphore(properties.concurrentExports());
	}

	boolean tryAcquire() {
		return this.permits.tryAcquire();
	}

	void release() {
		this.permits.release();
	}

}
