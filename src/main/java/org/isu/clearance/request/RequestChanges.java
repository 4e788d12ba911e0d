package org.isu.clearance.request;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter of the extension requests' changes committed on this node: the projection
 * marks each transaction that records a history event of a request, and the counter moves
 * once it has committed. What the read model derives from many requests and keeps for a
 * few seconds ({@link RequestReadModel}'s open requests per stage) is valid only while
 * the counter has not moved: a change on this node is seen at once, another node's within
 * those seconds.
 */
@Component
class RequestChanges {

	private final AtomicLong generation = new AtomicLong();

	long generation() {
		return this.generation.get();
	}

	/**
	 * A request changes in the current transaction: the counter moves after it commits,
	 * or at once without a transaction.
	 */
	void changing() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.generation.incrementAndGet();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(RequestChanges.this);
				RequestChanges.this.generation.incrementAndGet();
			}

		});
	}

}
