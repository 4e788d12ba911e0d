package org.isu.clearance;

import java.net.HttpCookie;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A user logged into Camunda's web apps the way the browser does it: session cookie plus
 * the webapps' own CSRF token, then calls to Tasklist's API under {@code /camunda/api}.
 */
public final class TasklistSession {

	private final TestRestTemplate rest;

	private String xsrf;

	private final String session;

	private final ResponseEntity<String> login;

	private TasklistSession(TestRestTemplate rest, String user, String password) {
		this.rest = rest;
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		this.xsrf = cookie(page, "XSRF-TOKEN");
		String anonymous = cookie(page, "JSESSIONID");
		HttpHeaders headers = headers(anonymous);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		this.login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
				new HttpEntity<>(form, headers), String.class);
		String renewed = this.login.getHeaders()
			.getOrEmpty(HttpHeaders.SET_COOKIE)
			.stream()
			.flatMap((header) -> HttpCookie.parse(header).stream())
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(anonymous);
		this.session = renewed;
		// the webapps renew the session at login and bind a fresh CSRF token to it,
		// handed
		// out on the next safe request
		ResponseEntity<String> whoAmI = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(headers(renewed)), String.class);
		String token = whoAmI.getHeaders().getFirst("X-XSRF-TOKEN");
		if (token != null) {
			this.xsrf = token;
		}
	}

	public static TasklistSession login(TestRestTemplate rest, String user, String password) {
		return new TasklistSession(rest, user, password);
	}

	public ResponseEntity<String> loginResponse() {
		return this.login;
	}

	public ResponseEntity<String> post(String path, Map<String, Object> json) {
		HttpHeaders headers = headers(this.session);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
	}

	public ResponseEntity<String> exchange(String path, HttpMethod method, Object json) {
		HttpHeaders headers = headers(this.session);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
	}

	public ResponseEntity<String> get(String path) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(this.session)), String.class);
	}

	private HttpHeaders headers(String sessionId) {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-XSRF-TOKEN", this.xsrf);
		headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + this.xsrf + "; JSESSIONID=" + sessionId);
		return headers;
	}

	public static String cookie(ResponseEntity<?> response, String name) {
		return response.getHeaders()
			.getOrEmpty(HttpHeaders.SET_COOKIE)
			.stream()
			.flatMap((header) -> HttpCookie.parse(header).stream())
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.getHeaders()));
	}

}
