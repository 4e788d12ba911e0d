package org.isu.clearance.dashboard;

import org.isu.clearance.identity.Groups;

import org.springframework.security.core.Authentication;

/**
 * Who sees and who edits on the dashboard: coordinators, the ISU and administrators see
 * and edit everything; members of the Analysis Group see the lists and the requests'
 * pages. The expressions are for {@code @PreAuthorize}; Camunda groups are authorities
 * {@code GROUP_<id>}.
 */
final class Access {

	static final String READERS = "hasAnyAuthority('GROUP_isu', 'GROUP_coordinators', 'GROUP_camunda-admin', 'GROUP_analysis-group')";

	static final String EDITORS = "hasAnyAuthority('GROUP_isu', 'GROUP_coordinators', 'GROUP_camunda-admin')";

	private Access() {
	}

	static boolean canRead(Authentication authentication) {
		return canEdit(authentication) || has(authentication, Groups.ANALYSIS_GROUP);
	}

	private static boolean has(Authentication authentication, String group) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals(Groups.AUTHORITY_PREFIX + group));
	}

	static boolean canEdit(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map((authority) -> authority.getAuthority())
			.anyMatch((authority) -> authority.equals(Groups.AUTHORITY_PREFIX + Groups.ISU)
					|| authority.equals(Groups.AUTHORITY_PREFIX + Groups.COORDINATORS)
					|| authority.equals(Groups.AUTHORITY_PREFIX + Groups.ADMIN));
	}

}
