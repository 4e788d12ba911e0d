package org.isu.clearance.notification;

import java.util.Date;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * SMTP connections as Spring Boot configures them ({@code spring.mail.*}): a Jakarta Mail
 * {@link Transport} of the {@link JavaMailSenderImpl}'s session, kept open for a whole
 * batch instead of one session per mail.
 * <p>
 * Names Angus Mail's stream provider in the system property {@value #STREAM_PROVIDER}
 * unless it is set: Jakarta Mail 2.1 looks the provider up with a
 * {@link java.util.ServiceLoader} over the whole class path on every multipart, body
 * part, header encoding and decoding (jakartaee/mail-api#699, #861), which was three
 * quarters of the sender's processor time; with the property it instantiates the named
 * class instead.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class JakartaMailConnections implements MailConnections {

	private static final Logger log = LoggerFactory.getLogger(JakartaMailConnections.class);

	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	private final JavaMailSenderImpl mailSender;

	JakartaMailConnections(JavaMailSenderImpl mailSender) {
		this.mailSender = mailSender;
		nameStreamProvider();
	}

	/**
	 * Names Angus Mail's stream provider for Jakarta Mail, unless a provider is named
	 * already or Angus Mail is absent.
	 */
	static void nameStreamProvider() {
		if (System.getProperty(STREAM_PROVIDER) == null
				&& ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, JakartaMailConnections.class.getClassLoader())) {
			System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
	}

	@Override
	public MimeMessage createMimeMessage() {
		return this.mailSender.createMimeMessage();
	}

	@Override
	public Connection open() throws MessagingException {
		// as JavaMailSenderImpl connects its transport, once here instead of once per
		// mail
		String protocol = this.mailSender.getProtocol();
		if (protocol == null) {
			protocol = this.mailSender.getSession().getProperty("mail.transport.protocol");
		}
		Transport transport = this.mailSender.getSession()
			.getTransport((protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
		String username = this.mailSender.getUsername();
		String password = this.mailSender.getPassword();
		if ("".equals(username)) {
			username = null;
			password = "".equals(password) ? null : password;
		}
		transport.connect(this.mailSender.getHost(), this.mailSender.getPort(), username, password);
		return new TransportConnection(transport);
	}

	private record TransportConnection(Transport transport) implements Connection {

		@Override
		public void send(MimeMessage message) throws MessagingException {
			// saveChanges() gives the message a new Message-ID: keep the one it was given
			String messageId = message.getMessageID();
			if (message.getSentDate() == null) {
				message.setSentDate(new Date());
			}
			message.saveChanges();
			if (messageId != null) {
				message.setHeader("Message-ID", messageId);
			}
			Address[] recipients = message.getAllRecipients();
			this.transport.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
		}

		@Override
		public boolean isOpen() {
			return this.transport.isConnected();
		}

		@Override
		public void close() {
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing the SMTP connection failed: {}", ex.getMessage());
			}
		}

	}

}
