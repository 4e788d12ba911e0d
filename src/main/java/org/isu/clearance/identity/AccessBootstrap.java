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
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, in every profile and idempotently, the groups, their Camunda authorizations
 * and the shared Tasklist filters:
 * <ul>
 * <li>every group reaches Tasklist and the tasks of its candidate group (the engine
 * grants those per task);</li>
 * <li>the ISU and the coordinators start and steer requests; coordinators also read every
 * process instance in Cockpit and may take over any task;</li>
 * <li>only {@code camunda-admin} reaches Admin (it holds every permission).</li>
 * </ul>
 */
@Component
@Order(0)
class AccessBootstrap implements ApplicationRunner {

	static final String FILTER_MY_TASKS = "My tasks";

	static final String FILTER_GROUP_TASKS = "My group's tasks";

	static final String FILTER_OVERDUE = "Overdue";

	static final String FILTER_ALL_OPEN = "All open tasks";

	private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final FilterService filterService;

	private final TaskService taskService;

	AccessBootstrap(IdentityService identityService, AuthorizationService authorizationService,
			FilterService filterService, TaskService taskService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.filterService = filterService;
		this.taskService = taskService;
	}

	@Override
	public void run(ApplicationArguments args) {
		Groups.all().forEach(this::ensureGroup);
		grantAdmin();
		for (String group : List.of(Groups.ISU, Groups.ANALYSIS_GROUP, Groups.COORDINATORS,
				Groups.GENDER_FOCAL_POINTS)) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.USER, "*", Permissions.READ);
			grant(group, Resources.GROUP, "*", Permissions.READ);
			grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
		}
		for (String group : List.of(Groups.ISU, Groups.COORDINATORS)) {
			grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
					ProcessDefinitionPermissions.READ_TASK);
			grant(group, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE,
					ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE);
		}
		grant(Groups.ANALYSIS_GROUP, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_HISTORY);
		grant(Groups.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Groups.COORDINATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
		grant(Groups.COORDINATORS, Resources.TASK, "*", TaskPermissions.READ, TaskPermissions.UPDATE);
		ensureFilters();
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
	 * Grants the permissions to a group on a resource, adding to what it already has.
	 */
	void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.singleResult();
		if (authorization == null) {
			authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean changed = authorization.getId() == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			this.authorizationService.saveAuthorization(authorization);
		}
	}

	private void ensureFilters() {
		List<String> everyone = List.of(Groups.ISU, Groups.ANALYSIS_GROUP, Groups.COORDINATORS,
				Groups.GENDER_FOCAL_POINTS, Groups.ADMIN);
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
						List.of(Map.of("name", "stateName", "label", "State"),
								Map.of("name", "convention", "label", "Convention"),
								Map.of("name", "meetingCode", "label", "Meeting"))));
			this.filterService.saveFilter(filter);
			log.info("Created Tasklist filter '{}'", name);
		}
		for (String group : readers) {
			grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
		}
	}

}
