package org.isu.clearance.identity;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The Camunda groups every part of the application agrees on. Camunda's identity service
 * is the single user store: a user's groups are their roles everywhere.
 */
public final class Groups {

	/** Implementation Support Unit: intake, completeness, translation, decisions. */
	public static final String ISU = "isu";

	/** Members of the CCM's Analysis Group: they review the CCM's Article 4 requests. */
	public static final String ANALYSIS_GROUP = "analysis-group";

	/**
	 * Members of the APMBC's Committee on Article 5 Implementation: they review the
	 * APMBC's Article 5 requests.
	 */
	public static final String ARTICLE5_COMMITTEE = "article5-committee";

	/** Coordinators of the thematic working group on clearance. */
	public static final String COORDINATORS = "coordinators";

	/**
	 * The CCM and APMBC gender focal points: they own the gender activities of the
	 * coordinators' work plan.
	 */
	public static final String GENDER_FOCAL_POINTS = "gender-focal-points";

	/** Camunda administrators: the only ones who reach Camunda Admin. */
	public static final String ADMIN = "camunda-admin";

	/** Prefix of the Spring Security authority granted for each group. */
	public static final String AUTHORITY_PREFIX = "GROUP_";

	private Groups() {
	}

	public static List<String> all() {
		return List.of(ISU, ANALYSIS_GROUP, ARTICLE5_COMMITTEE, COORDINATORS, GENDER_FOCAL_POINTS, ADMIN);
	}

	/**
	 * The groups that work tasks in Tasklist (every group but the administrators).
	 */
	public static List<String> working() {
		return all().stream().filter((group) -> !ADMIN.equals(group)).toList();
	}

	/**
	 * The groups that review requests and read them, without starting or steering them:
	 * each convention's reviewing body.
	 */
	public static List<String> reviewers() {
		return List.of(ANALYSIS_GROUP, ARTICLE5_COMMITTEE);
	}

	/**
	 * The engine groups a signed-in user belongs to, from their Spring Security
	 * authorities.
	 */
	public static List<String> of(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(AUTHORITY_PREFIX))
			.map((authority) -> authority.substring(AUTHORITY_PREFIX.length()))
			.toList();
	}

	public static String displayName(String groupId) {
		return switch (groupId) {
			case ISU -> "Implementation Support Unit";
			case ANALYSIS_GROUP -> "Analysis Group";
			case ARTICLE5_COMMITTEE -> "Committee on Article 5 Implementation";
			case COORDINATORS -> "Coordinators (clearance)";
			case GENDER_FOCAL_POINTS -> "Gender focal points";
			case ADMIN -> "Camunda administrators";
			default -> groupId;
		};
	}

}
