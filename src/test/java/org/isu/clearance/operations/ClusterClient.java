package org.isu.clearance.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP against the nodes, as the users would call them: Basic credentials, JSON bodies.
 * Every answer of 500 or more is remembered, with what was asked.
 */
final class ClusterClient {

	static final String PASSWORD = "demo";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtomicLong requests = new AtomicLong();

	private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();

	Response get(ApplicationNode node, String user, String path) throws IOException, InterruptedException {
		return send(node, user, PASSWORD, "GET", path, null, null);
	}

	Response post(ApplicationNode node, String user, String path, Object body)
			throws IOException, InterruptedException {
		return send(node, user, PASSWORD, "POST", path, "application/json", json(body));
	}

	/**
	 * Uploads a document to a request's record, as the API's multipart form.
	 */
	Response upload(ApplicationNode node, String user, String businessKey, String kind, String language,
			String filename, byte[] content) throws IOException, InterruptedException {
		String boundary = "bound" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (String[] field : new String[][] { { "kind", kind }, { "language", language } }) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
					+ field[1] + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(node.baseUrl() + "/api/extension-requests/" + businessKey + "/documents"))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}

	/**
	 * Any request; {@code user} {@code null} sends no credentials.
	 */
	Response send(ApplicationNode node, String user, String password, String method, String path, String contentType,
			String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.header("Accept", path.startsWith("/actuator/prometheus") ? "text/plain" : "application/json");
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		this.requests.incrementAndGet();
		if (response.statusCode() >= 500) {
			this.serverErrors.add(method + " " + path + " on " + node.name() + " → " + response.statusCode() + " "
					+ abbreviate(response.body()));
		}
		return new Response(response.statusCode(), response.body());
	}

	long requests() {
		return this.requests.get();
	}

	List<String> serverErrors() {
		return List.copyOf(this.serverErrors);
	}

	static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** Variables in the form of Camunda's REST API: {@code {"name": {"value": ...}}}. */
	static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new java.util.LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		return Map.of("variables", typed);
	}

	private static String abbreviate(String text) {
		return (text == null || text.length() < 300) ? text : text.substring(0, 300) + "…";
	}

	record Response(int status, String body) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		Map<String, Object> map() {
			try {
				return JSON.readValue(this.body, new TypeReference<>() {
				});
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("Not a JSON object: " + this.body, ex);
			}
		}

		List<Map<String, Object>> list() {
			try {
				return JSON.readValue(this.body, new TypeReference<>() {
				});
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("Not a JSON array: " + this.body, ex);
			}
		}

	}

}
