package org.isu.clearance.identity;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.TasklistSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class AccessTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private AuthorizationService authorizations;

	@Autowired
	private IdentityService identity;

	@Autowired
	private FilterService filters;

	@Autowired
	private ProcessEngine processEngine;

	@Test
	void engineRestNeedsBasicAuthentication() {
		assertThat(this.rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("nobody", "wrong")
			.getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("demo-admin", "demo")
			.getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void engineRestAppliesCamundaAuthorizations() {
		// the analysis group may not read the list of users' authorizations; the admin
		// may
		assertThat(this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/engine-rest/authorization/count", String.class)
			.getBody()).contains("\"count\":0");
		assertThat(this.rest.withBasicAuth("demo-admin", "demo")
			.getForEntity("/engine-rest/authorization/count", String.class)
			.getBody()).doesNotContain("\"count\":0");
	}

	@Test
	void everyGroupReachesTasklistButOnlyAdministratorsReachAdmin() {
		for (String group : List.of(Groups.ISU, Groups.ANALYSIS_GROUP, Groups.COORDINATORS, Groups.ADMIN)) {
			assertThat(canAccess(group, "tasklist")).as(group + " → tasklist").isTrue();
			assertThat(canAccess(group, "admin")).as(group + " → admin").isEqualTo(Groups.ADMIN.equals(group));
		}
		assertThat(canAccess(Groups.COORDINATORS, "cockpit")).isTrue();
		assertThat(canAccess(Groups.ISU, "cockpit")).isFalse();
		assertThat(canAccess(Groups.ANALYSIS_GROUP, "cockpit")).isFalse();
	}

	@Test
	void coordinatorsReadEveryProcessReviewersOnlyTheRequestsHistory() {
		assertThat(authorized(Groups.COORDINATORS, ProcessDefinitionPermissions.READ_INSTANCE, "deadline-watch"))
			.isTrue();
		assertThat(authorized(Groups.ANALYSIS_GROUP, ProcessDefinitionPermissions.READ_INSTANCE, "deadline-watch"))
			.isFalse();
		assertThat(authorized(Groups.ANALYSIS_GROUP, ProcessDefinitionPermissions.READ_HISTORY, "extension-request"))
			.isTrue();
		assertThat(authorized(Groups.ANALYSIS_GROUP, ProcessDefinitionPermissions.READ_HISTORY, "deadline-watch"))
			.isFalse();
		// nobody but the administrators modifies, updates or deletes an instance
		for (String group : Groups.working()) {
			assertThat(authorized(group, ProcessDefinitionPermissions.UPDATE_INSTANCE, "extension-request")).isFalse();
			assertThat(authorized(group, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, "extension-request"))
				.isFalse();
			assertThat(authorized(group, ProcessDefinitionPermissions.DELETE_INSTANCE, "extension-request")).isFalse();
			assertThat(this.authorizations.isUserAuthorized("someone", List.of(group), Permissions.UPDATE,
					Resources.PROCESS_INSTANCE, "any-instance"))
				.isFalse();
		}
		assertThat(authorized(Groups.ISU, ProcessDefinitionPermissions.CREATE_INSTANCE, "extension-request")).isTrue();
		assertThat(authorized(Groups.ISU, ProcessDefinitionPermissions.CREATE_INSTANCE, "deadline-watch")).isFalse();
	}

	private boolean authorized(String group, Permission permission, String processDefinitionKey) {
		return this.authorizations.isUserAuthorized("someone", List.of(group), permission, Resources.PROCESS_DEFINITION,
				processDefinitionKey);
	}

	@Test
	void everyGroupSeesItsTasklistFilters() {
		for (String group : List.of(Groups.ISU, Groups.ANALYSIS_GROUP, Groups.COORDINATORS)) {
			this.identity.setAuthentication("someone", List.of(group));
			try {
				assertThat(this.filters.createFilterQuery().list()).extracting(Filter::getName)
					.contains(AccessBootstrap.FILTER_MY_TASKS, AccessBootstrap.FILTER_GROUP_TASKS,
							AccessBootstrap.FILTER_OVERDUE);
			}
			finally {
				this.identity.clearAuthentication();
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void tasklistFiltersShowTheRequestsStateConventionAndMeeting() {
		Filter mine = this.filters.createFilterQuery().filterName(AccessBootstrap.FILTER_MY_TASKS).singleResult();
		List<Map<String, Object>> columns = (List<Map<String, Object>>) mine.getProperties().get("variables");
		assertThat(columns).extracting((column) -> column.get("name"))
			.containsExactly("stateName", "convention", "meetingCode");
		assertThat(columns).extracting((column) -> column.get("label"))
			.containsExactly("State", "Convention", "Meeting");
	}

	@Test
	void tasklistLoginUsesTheSameIdentity() {
		ResponseEntity<String> page = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		String xsrf = TasklistSession.cookie(page, "XSRF-TOKEN");
		String session = TasklistSession.cookie(page, "JSESSIONID");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add("X-XSRF-TOKEN", xsrf);
		headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + session);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", "isu-officer");
		form.add("password", "demo");

		ResponseEntity<String> login = this.rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(login.getBody()).contains("\"userId\":\"isu-officer\"").contains("tasklist");
	}

	@Test
	void pagesUseFormLoginWithCsrf() {
		HttpHeaders browser = new HttpHeaders();
		browser.setAccept(List.of(MediaType.TEXT_HTML));
		TestRestTemplate rest = this.rest.withRedirects(Redirects.DONT_FOLLOW);
		ResponseEntity<String> home = rest.exchange("/", HttpMethod.GET, new HttpEntity<>(browser), String.class);
		assertThat(home.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(home.getHeaders().getLocation()).hasPath("/login");

		ResponseEntity<String> loginPage = this.rest.getForEntity("/login", String.class);
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.getBody());
		assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
		String session = TasklistSession.cookie(loginPage, "JSESSIONID");

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", "coordinator");
		form.add("password", "demo");
		ResponseEntity<String> withoutToken = rest.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers),
				String.class);
		assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		form.add("_csrf", csrf.group(1));
		ResponseEntity<String> login = rest.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers),
				String.class);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(login.getHeaders().getLocation().getPath()).isEqualTo("/");

		headers.set(HttpHeaders.COOKIE, "JSESSIONID=" + TasklistSession.cookie(login, "JSESSIONID"));
		ResponseEntity<String> page = this.rest.exchange("/", HttpMethod.GET, new HttpEntity<>(headers), String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("coordinator").contains("13MSP");
	}

	@Test
	void healthIsOpenForLoadBalancers() {
		assertThat(this.rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void demoUsersAreFoundByThePasswordCheckOfProduction() {
		DemoPasswordCheck check = new DemoPasswordCheck(this.processEngine, "");

		assertThat(check.usersWithDemoPassword()).contains("demo-admin", "isu-officer", "ag-member", "ag-member2",
				"coordinator");
	}

	private boolean canAccess(String group, String application) {
		return this.authorizations.isUserAuthorized("someone", List.of(group), Permissions.ACCESS,
				Resources.APPLICATION, application);
	}

}
