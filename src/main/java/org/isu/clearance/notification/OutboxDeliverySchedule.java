package org.isu.clearance.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox on every node at the configured interval, while SMTP is configured
 * ({@code spring.mail.host}) and {@code clearance.notification.delivery.scheduled} is not
 * off.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@ConditionalOnBooleanProperty(name = "clearance.notification.delivery.scheduled", matchIfMissing = true)
class OutboxDeliverySchedule {

	private static final Logger log = LoggerFactory.getLogger(OutboxDeliverySchedule.class);

	private final OutboxSender sender;

	OutboxDeliverySchedule(OutboxSender sender) {
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${clearance.notification.delivery.poll-interval:PT1S}")
	void poll() {
		try {
			this.sender.deliverAllDue();
		}
		catch (RuntimeException ex) {
			// the database may be briefly unreachable; the next poll tries again
			log.warn("Outbox delivery poll failed: {}", ex.getMessage());
		}
	}

}
