import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP sink for development (bench/smtp-sink.sh): GreenMail on 127.0.0.1, printing
 * each mail it receives. Nothing is delivered anywhere.
 */
public class SmtpSink {

	public static void main(String[] args) throws Exception {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 3025;
		GreenMail sink = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
		sink.start();
		System.out.println("SMTP sink on 127.0.0.1:" + port + " (Ctrl-C to stop)");
		int seen = 0;
		while (true) {
			MimeMessage[] received = sink.getReceivedMessages();
			for (; seen < received.length; seen++) {
				System.out.printf("%5d  to %s  %s%n", seen + 1, Arrays.toString(received[seen].getAllRecipients()),
						received[seen].getSubject());
			}
			Thread.sleep(500);
		}
	}

}
