import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP sink for development (bench/smtp-sink.sh): GreenMail on 127.0.0.1, printing
 * each mail it receives. Nothing is delivered anywhere. With {@code --quiet} (the
 * benchmarks, which run it as a process of its own) it prints only {@code received N}
 * whenever the count changed, at most once a second.
 */
public class SmtpSink {

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		// Jakarta Mail 2.1 otherwise searches the whole class path (the test class path: 250 jars) for its
		// stream provider on every body part it parses: most of the sink's processor time per mail
		if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
			System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
		}
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 3025;
		boolean quiet = Arrays.asList(args).contains("--quiet");
		GreenMail sink = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
		sink.start();
		System.out.println("SMTP sink on 127.0.0.1:" + port + " (Ctrl-C to stop)");
		if (quiet) {
			int reported = -1;
			while (true) {
				int received = sink.getReceivedMessages().length;
				if (received != reported) {
					System.out.println("received " + received);
					reported = received;
				}
				Thread.sleep(1000);
			}
		}
		// GreenMail lists the mails mailbox by mailbox: remember which ones were printed
		Set<String> seen = new HashSet<>();
		while (true) {
			for (MimeMessage mail : sink.getReceivedMessages()) {
				if (seen.add(mail.getMessageID())) {
					System.out.printf("%5d  to %s  %s%n", seen.size(), Arrays.toString(mail.getAllRecipients()),
							mail.getSubject());
				}
			}
			Thread.sleep(500);
		}
	}

}
