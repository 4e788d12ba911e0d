package org.isu.clearance.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Delivers the outbox once, for tests of other features, through the application's own
 * sender (attachments included) pointed at a test SMTP server.
 */
public final class MailSending {

	private MailSending() {
	}

	public static void deliver(JdbcClient jdbc, JavaMailSenderImpl smtp, Outbox outbox, ApplicationContext context) {
		ObjectProvider<AttachmentContent> attachments = context.getBeanProvider(AttachmentContent.class);
		OutboxSender sender = new OutboxSender(jdbc, context.getBean(PlatformTransactionManager.class),
				new JakartaMailConnections(smtp), context.getBean(DeliveryProperties.class),
				context.getBean(NotificationProperties.class), outbox, attachments);
		try {
			sender.deliverAllDue();
		}
		finally {
			sender.stop();
		}
	}

}
