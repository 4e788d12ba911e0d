package org.isu.clearance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A user signed in to the application's pages the way a browser is: through the login
 * form, with the session cookie on every request and the CSRF token (from a rendered
 * form) on every state-changing one. The pages accept no HTTP Basic.
 */
public final class SignedIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Map<String, TestRestTemplate> SESSIONS = new ConcurrentHashMap<>();

	private SignedIn() {
	}

	/**
	 * A client signed in as the user (one session per user and application).
	 */
	public static TestRestTemplate as(TestRestTemplate rest, String user) {
		return SESSIONS.computeIfAbsent(rest.getRootUri() + " " + user, (key) -> signIn(rest, user));
	}

	private static TestRestTemplate signIn(TestRestTemplate rest, String user) {
		ResponseEntity<String> loginPage = rest.getForEntity("/login", String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + TasklistSession.cookie(loginPage, "JSESSIONID"));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", "demo");
		form.add("_csrf", token(loginPage.getBody()));
		ResponseEntity<String> login = rest.withRedirects(Redirects.DONT_FOLLOW)
			.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
		if (login.getStatusCode().value() != 302 || login.getHeaders().getLocation().getQuery() != null) {
			throw new AssertionError("login of " + user + " failed: " + login);
		}
		String session = TasklistSession.cookie(login, "JSESSIONID");
		HttpHeaders cookie = new HttpHeaders();
		cookie.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
		String csrf = token(
				rest.exchange("/calendar", HttpMethod.GET, new HttpEntity<>(cookie), String.class).getBody());
		RestTemplateBuilder builder = new RestTemplateBuilder().rootUri(rest.getRootUri())
			.additionalInterceptors((request, body, execution) -> {
				request.getHeaders().add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
				if (!request.getMethod().equals(HttpMethod.GET) && !request.getMethod().equals(HttpMethod.HEAD)) {
					request.getHeaders().add("X-CSRF-TOKEN", csrf);
				}
				return execution.execute(request, body);
			});
		return new TestRestTemplate(builder);
	}

	private static String token(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("no CSRF token in the page");
		}
		return matcher.group(1);
	}

}
