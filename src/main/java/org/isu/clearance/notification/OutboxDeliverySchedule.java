package org.isu.clearance.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox senders on every node once the application is ready, while SMTP is
 * configured ({@code spring.mail.host}) and
 * {@code clearance.notification.delivery.scheduled} is not off: each sends batch after
 * batch while mails wait, is woken by a mail this node wrote (after its commit), and
 * otherwise looks again after the poll interval (mails other nodes wrote, retries that
 * fell due).
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@ConditionalOnBooleanProperty(name = "clearance.notification.delivery.scheduled", matchIfMissing = true)
class OutboxDeliverySchedule {

	private final OutboxSender sender;

	OutboxDeliverySchedule(OutboxSender sender) {
		this.sender = sender;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.sender.start();
	}

}
