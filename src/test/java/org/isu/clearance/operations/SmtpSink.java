package org.isu.clearance.operations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on a loopback port (GreenMail) that can go down and come back on the
 * same port; it remembers what it received across outages.
 */
final class SmtpSink {

	private final int port;

	private final List<Received> earlier = new ArrayList<>();

	private GreenMail server;

	SmtpSink(int port) {
		this.port = port;
	}

	int port() {
		return this.port;
	}

	synchronized void start() {
		this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
	}

	synchronized void stop() {
		this.earlier.addAll(read(this.server));
		this.server.stop();
		this.server = null;
	}

	/** Every mail received so far, one entry per recipient. */
	synchronized List<Received> received() {
		List<Received> all = new ArrayList<>(this.earlier);
		if (this.server != null) {
			all.addAll(read(this.server));
		}
		return all;
	}

	/** How many mails arrived so far (cheap: nothing is parsed). */
	synchronized int count() {
		return this.earlier.size() + ((this.server != null) ? this.server.getReceivedMessages().length : 0);
	}

	/** How many mails arrived more than once (same recipient, subject and text). */
	static int duplicates(List<Received> mails) {
		Map<String, Integer> counts = new HashMap<>();
		mails.forEach((mail) -> counts.merge(mail.identity(), 1, Integer::sum));
		return counts.values().stream().mapToInt((count) -> count - 1).sum();
	}

	/**
	 * How many of the mails that arrived more than once did so under another Message-ID
	 * than their first copy: the duplicates a mail client would show.
	 */
	static int visibleDuplicates(List<Received> mails) {
		Map<String, Set<String>> messageIds = new HashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		mails.forEach((mail) -> {
			messageIds.computeIfAbsent(mail.identity(), (identity) -> new HashSet<>()).add(mail.messageId());
			counts.merge(mail.identity(), 1, Integer::sum);
		});
		return messageIds.values().stream().mapToInt((ids) -> ids.size() - 1).sum();
	}

	private static List<Received> read(GreenMail server) {
		List<Received> mails = new ArrayList<>();
		for (MimeMessage message : server.getReceivedMessages()) {
			try {
				String recipient = message.getAllRecipients()[0].toString();
				mails.add(new Received(recipient, message.getSubject(), text(message), message.getMessageID()));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException("Unreadable mail at the sink", ex);
			}
		}
		return mails;
	}

	private static String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return part.getContent().toString();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String text = text(body);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	record Received(String recipient, String subject, String text, String messageId) {

		String identity() {
			return this.recipient + "\n" + this.subject + "\n" + this.text;
		}

	}

}
