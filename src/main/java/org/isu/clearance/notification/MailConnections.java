package org.isu.clearance.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Where the {@link OutboxSender} hands its mails over: it opens one connection to the
 * mail server per batch and sends the batch's mails through it one by one, so that each
 * mail is known to be accepted (and recorded as sent) before the next is sent.
 */
interface MailConnections {

	/**
	 * A new, empty message for this mail server's session.
	 */
	MimeMessage createMimeMessage();

	/**
	 * Connects to the mail server.
	 * @throws MessagingException when the server cannot be reached or refuses the session
	 */
	Connection open() throws MessagingException;

	/**
	 * One open connection to the mail server.
	 */
	interface Connection extends AutoCloseable {

		/**
		 * Sends one message; returns once the server accepted it.
		 * @throws MessagingException when the server refused it or the connection broke
		 */
		void send(MimeMessage message) throws MessagingException;

		/**
		 * Whether further messages can be sent through this connection (false once the
		 * server or the network closed it). May cost a round trip to the server (SMTP
		 * NOOP): asked after a failure, not before every mail.
		 */
		boolean isOpen();

		@Override
		void close();

	}

}
