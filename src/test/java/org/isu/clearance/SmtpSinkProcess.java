package org.isu.clearance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmarks' SMTP server: {@code bench/SmtpSink.java} (GreenMail) in a JVM of its
 * own ({@code -Xmx256m}), so that the mail server does not share the application's heap,
 * threads or collector. It may be stopped and started again on the same port (an outage).
 */
public final class SmtpSinkProcess implements AutoCloseable {

	private final int port;

	private final AtomicInteger received = new AtomicInteger();

	private int receivedBefore;

	private Process process;

	public SmtpSinkProcess() {
		this.port = freePort();
	}

	public int port() {
		return this.port;
	}

	/**
	 * Starts the sink and waits until it accepts connections.
	 */
	public SmtpSinkProcess start() throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		this.process = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, "bench/SmtpSink.java",
				String.valueOf(this.port), "--quiet")
			.redirectErrorStream(true)
			.start();
		CountDownLatch ready = new CountDownLatch(1);
		Process started = this.process;
		int offset = this.receivedBefore;
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.startsWith("SMTP sink on")) {
						ready.countDown();
					}
					else if (line.startsWith("received ")) {
						this.received.set(offset + Integer.parseInt(line.substring(9).trim()));
					}
					else {
						System.out.println("[smtp-sink] " + line);
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		}, "smtp-sink-output");
		reader.setDaemon(true);
		reader.start();
		if (!ready.await(60, TimeUnit.SECONDS)) {
			close();
			throw new IllegalStateException("the SMTP sink did not start");
		}
		return this;
	}

	/**
	 * Stops the sink (the mail server goes down); what it received so far stays counted.
	 */
	public void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			this.process.waitFor(30, TimeUnit.SECONDS);
			this.process = null;
			this.receivedBefore = this.received.get();
		}
	}

	/**
	 * Mails the sink received, over all its runs (as last reported: at most a second
	 * old).
	 */
	public int received() {
		return this.received.get();
	}

	/**
	 * The processor time the sink's current process used so far.
	 */
	public java.time.Duration cpu() {
		return (this.process != null) ? this.process.info().totalCpuDuration().orElse(java.time.Duration.ZERO)
				: java.time.Duration.ZERO;
	}

	@Override
	public void close() {
		if (this.process != null) {
			this.process.destroyForcibly();
			this.process = null;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
