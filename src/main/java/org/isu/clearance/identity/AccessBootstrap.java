package org.isu.clearance.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, in every profile and idempotently, the groups, their Camunda authorizations
 * and the shared Tasklist filters. Each group gets the least the engine needs to let it
 * work (the table in the README's "Security model" section); on an existing database the
 * grants are brought to exactly these, so a permission removed here is removed there too:
 * <ul>
 * <li>every working group reaches Tasklist, reads users and groups, and reads the
 * extension requests and their history; the engine grants the candidates and the assignee
 * of each task {@code READ}, {@code TASK_WORK} and {@code READ_VARIABLE} on it;</li>
 * <li>the ISU and the coordinators start extension requests and read every process and
 * its history; coordinators also reach Cockpit and may reassign any task
 * ({@code TASK_ASSIGN}, narrowed to the task's groups by {@link TaskWork});</li>
 * <li>nobody but {@code camunda-admin} updates, modifies or deletes an instance, writes
 * variables directly or touches jobs;</li>
 * <li>only {@code camunda-admin} reaches Admin (it holds every permission).</li>
 * </ul>
 */
@Component
class AccessBootstrap implements StartupTask {

	static final String FILTER_MY_TASKS = "My tasks";

	static final String FILTER_GROUP_TASKS = "My group's tasks";

	static final String FILTER_OVERDUE = "Overdue";

	static final String FILTER_ALL_OPEN = "All open tasks";

	/** The process the working groups start through the application and Tasklist. */
	static final String EXTENSION_REQUEST = "extension-request";

	private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final FilterService filterService;

	private final ObjectProvider<TasklistColumn> columns;

	private final TaskService taskService;

	private final TransactionTemplate transactions;

	AccessBootstrap(IdentityService identityService, AuthorizationService authorizationService,
			FilterService filterService, TaskService taskService, ObjectProvider<TasklistColumn> columns,
			TransactionTemplate transactions) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.filterService = filterService;
		this.taskService = taskService;
		this.columns = columns;
		this.transactions = transactions;
	}

	@Override
	public StartupStep step() {
		return StartupStep.ACCESS;
	}

	/**
	 * All of it in one transaction (each engine call joins it): one commit at startup
	 * instead of one per group, grant and filter, and no half-applied grants.
	 */
	@Override
	public void run() {
		this.transactions.executeWithoutResult((status) -> apply());
	}

	private void apply() {
		Groups.all().forEach(this::ensureGroup);
		grantAdmin();
		for (String group : Groups.working()) {
			grantExactly(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grantExactly(group, Resources.USER, "*", Permissions.READ);
			grantExactly(group, Resources.GROUP, "*", Permissions.READ);
			grantExactly(group, Resources.PROCESS_INSTANCE, "*");
		}
		for (String group : List.of(Groups.ISU, Groups.COORDINATORS)) {
			grantExactly(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
					ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY,
					ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
			grantExactly(group, Resources.PROCESS_DEFINITION, EXTENSION_REQUEST,
					ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.TASK_ASSIGN);
			grantExactly(group, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
		}
		for (String group : Groups.reviewers()) {
			grantExactly(group, Resources.PROCESS_DEFINITION, "*");
			grantExactly(group, Resources.PROCESS_DEFINITION, EXTENSION_REQUEST, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
					ProcessDefinitionPermissions.TASK_ASSIGN);
		}
		// the gender focal points work their activities of the coordinators' work plan
		grantExactly(Groups.GENDER_FOCAL_POINTS, Resources.PROCESS_DEFINITION, "*");
		grantExactly(Groups.GENDER_FOCAL_POINTS, Resources.PROCESS_DEFINITION, "coordination-work-plan",
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
		grantExactly(Groups.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grantExactly(Groups.COORDINATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
		grantExactly(Groups.COORDINATORS, Resources.TASK, "*", TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);
		narrowTaskGrants();
		ensureFilters();
	}

	/**
	 * Tasks created before the engine granted {@code TASK_WORK} carry {@code UPDATE} for
	 * their candidates and assignee (which would let them write any variable): those
	 * grants become {@code TASK_WORK} and {@code READ_VARIABLE}.
	 */
	private void narrowTaskGrants() {
		List<Authorization> broad = this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.hasPermission(TaskPermissions.UPDATE)
			.list();
		int narrowed = 0;
		for (Authorization authorization : broad) {
			if ("*".equals(authorization.getResourceId()) || Groups.ADMIN.equals(authorization.getGroupId())
					|| authorization.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
				continue;
			}
			authorization.removePermission(TaskPermissions.UPDATE);
			authorization.addPermission(TaskPermissions.TASK_WORK);
			authorization.addPermission(TaskPermissions.READ_VARIABLE);
			this.authorizationService.saveAuthorization(authorization);
			narrowed++;
		}
		if (narrowed > 0) {
			log.info("Narrowed {} task authorizations from UPDATE to TASK_WORK", narrowed);
		}
	}

	private void ensureGroup(String groupId) {
		if (this.identityService.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = this.identityService.newGroup(groupId);
			group.setName(Groups.displayName(groupId));
			group.setType(Groups.ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
			this.identityService.saveGroup(group);
			log.info("Created group {}", groupId);
		}
	}

	private void grantAdmin() {
		for (Resources resource : Resources.values()) {
			if (this.authorizationService.createAuthorizationQuery()
				.groupIdIn(Groups.ADMIN)
				.resourceType(resource)
				.resourceId("*")
				.count() == 0) {
				Authorization all = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				all.setGroupId(Groups.ADMIN);
				all.setResource(resource);
				all.setResourceId("*");
				all.addPermission(Permissions.ALL);
				this.authorizationService.saveAuthorization(all);
			}
		}
	}

	/**
	 * Sets a group's grant on a resource to exactly these permissions: creates it,
	 * narrows or widens it, or deletes it when none are given.
	 */
	void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.singleResult();
		if (permissions.length == 0) {
			if (authorization != null) {
				this.authorizationService.deleteAuthorization(authorization.getId());
			}
			return;
		}
		if (authorization == null) {
			authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		int wanted = Permissions.NONE.getValue();
		for (Permission permission : permissions) {
			wanted |= permission.getValue();
		}
		if (authorization.getId() == null || ((AuthorizationEntity) authorization).getPermissions() != wanted) {
			((AuthorizationEntity) authorization).setPermissions(wanted);
			this.authorizationService.saveAuthorization(authorization);
		}
	}

	private void ensureFilters() {
		List<String> everyone = new java.util.ArrayList<>(Groups.working());
		everyone.add(Groups.ADMIN);
		ensureFilter(FILTER_MY_TASKS, "Tasks assigned to me", -20,
				this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
		ensureFilter(FILTER_GROUP_TASKS, "Tasks of my groups, claimed or not", -10,
				this.taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks(),
				everyone);
		ensureFilter(FILTER_OVERDUE, "Tasks of my groups past their due date", 0,
				this.taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.dueBeforeExpression("${now()}"),
				everyone);
		ensureFilter(FILTER_ALL_OPEN, "Every open task of every request", 10, this.taskService.createTaskQuery(),
				List.of(Groups.COORDINATORS, Groups.ADMIN));
	}

	private void ensureFilter(String name, String description, int priority, TaskQuery query, List<String> readers) {
		Filter filter = this.filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = this.filterService.newTaskFilter(name)
				.setQuery(query.orderByDueDate().asc())
				.setProperties(Map.of("description", description, "priority", priority, "refresh", true, "variables",
						this.columns.orderedStream()
							.map((column) -> Map.of("name", column.variable(), "label", column.label()))
							.toList()));
			this.filterService.saveFilter(filter);
			log.info("Created Tasklist filter '{}'", name);
		}
		for (String group : readers) {
			grantExactly(group, Resources.FILTER, filter.getId(), Permissions.READ);
		}
	}

}
