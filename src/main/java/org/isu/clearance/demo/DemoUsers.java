package org.isu.clearance.demo;

import java.util.List;

import org.isu.clearance.identity.Groups;

/**
 * The demo users of the default run, one or two per group. Their password is {@code demo}
 * unless {@code DEMO_PASSWORD} is set.
 */
final class DemoUsers {

	record DemoUser(String id, String firstName, String lastName, String group) {

		String email() {
			return this.id + "@example.org";
		}

	}

	static final List<DemoUser> ALL = List.of(new DemoUser("demo-admin", "Dana", "Admin", Groups.ADMIN),
			new DemoUser("isu-officer", "Ines", "Moreau", Groups.ISU),
			new DemoUser("ag-member", "Anders", "Lindqvist", Groups.ANALYSIS_GROUP),
			new DemoUser("ag-member2", "Amaru", "Quispe", Groups.ANALYSIS_GROUP),
			new DemoUser("committee-member", "Karin", "Sorensen", Groups.ARTICLE5_COMMITTEE),
			new DemoUser("coordinator", "Chiara", "Rossi", Groups.COORDINATORS),
			new DemoUser("gender-fp", "Grace", "Achieng", Groups.GENDER_FOCAL_POINTS));

	private DemoUsers() {
	}

}
