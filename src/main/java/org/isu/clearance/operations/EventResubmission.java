package org.isu.clearance.operations;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.isu.clearance.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the module events whose listener failed back to it. Spring Modulith keeps every
 * event published to an {@code @ApplicationModuleListener} in {@code event_publication}
 * until the listener succeeds, but resubmits the failed ones only at a restart or on
 * request: this job requests it at
 * {@code clearance.operations.event-resubmission.interval} for those older than
 * {@code older-than}, on one node at a time (the {@code event-resubmission} row of
 * {@link ClusterLock}). The listeners run asynchronously, as at the first try; one that
 * fails again leaves the event for the next round. The listeners are idempotent, so an
 * event handled twice (by two nodes whose rounds overlap a slow listener) does no harm.
 * Metrics: {@code clearance.events.resubmitted} (a counter) and
 * {@code clearance.events.incomplete} (events waiting for a listener that failed or is at
 * work).
 */
@Component
@EnableScheduling
class EventResubmission {

	static final String LOCK = "event-resubmission";

	private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

	private final IncompleteEventPublications publications;

	private final ClusterLock lock;

	private final EventResubmissionProperties properties;

	private final Counter resubmitted;

	EventResubmission(IncompleteEventPublications publications, ClusterLock lock,
			EventResubmissionProperties properties, MeterRegistry meters, JdbcClient jdbc) {
		this.publications = publications;
		this.lock = lock;
		this.properties = properties;
		this.resubmitted = Counter.builder("clearance.events.resubmitted")
			.description("Module events handed to their listener again after it failed")
			.register(meters);
		Gauge
			.builder("clearance.events.incomplete", jdbc,
					(client) -> client.sql("select count(*) from event_publication where completion_date is null")
						.query(Long.class)
						.single())
			.description("Module events whose listener has not succeeded yet")
			.register(meters);
	}

	@Scheduled(initialDelayString = "${clearance.operations.event-resubmission.interval}",
			fixedDelayString = "${clearance.operations.event-resubmission.interval}")
	void scheduled() {
		try {
			resubmit();
		}
		catch (RuntimeException ex) {
			// the database may be briefly unreachable; the next round tries again
			log.warn("Resubmitting failed module events did not run: {}", ex.toString());
		}
	}

	/**
	 * Resubmits the failed events older than {@code older-than}, unless another node is
	 * at it.
	 * @return how many were resubmitted, or -1 when another node holds the lock
	 */
	int resubmit() {
		if (!this.lock.tryLock(LOCK, this.properties.lockLease())) {
			return -1;
		}
		try {
			Instant before = Instant.now().minus(this.properties.olderThan());
			int[] count = { 0 };
			this.publications.resubmitIncompletePublications((publication) -> {
				boolean due = !publication.getPublicationDate().isAfter(before);
				if (due) {
					count[0]++;
					log.info("Resubmitting {} of {} to its listener", describe(publication),
							publication.getPublicationDate());
				}
				return due;
			});
			this.resubmitted.increment(count[0]);
			return count[0];
		}
		finally {
			this.lock.unlock(LOCK);
		}
	}

	private static String describe(EventPublication publication) {
		return publication.getEvent().toString();
	}

}
