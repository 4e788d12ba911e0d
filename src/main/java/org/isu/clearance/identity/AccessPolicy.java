package org.isu.clearance.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Who may do what in the application, in one place: the security filter chains
 * ({@link SecurityConfiguration}) decide every request with these checks before a body is
 * read, and pages ask them what to show. Camunda groups are Spring authorities
 * {@code GROUP_<id>}; the engine's own permissions ({@link AccessBootstrap}) and the
 * rules on working tasks ({@link TaskWork}) complete the picture.
 */
public final class AccessPolicy {

	/** See every request, the registry and the work plan. */
	public static final List<String> READERS = List.of(Groups.ISU, Groups.COORDINATORS, Groups.ADMIN,
			Groups.ANALYSIS_GROUP, Groups.ARTICLE5_COMMITTEE);

	/** See the coordinators' work plan: the readers and the gender focal points. */
	public static final List<String> WORK_PLAN_READERS = List.of(Groups.ISU, Groups.COORDINATORS, Groups.ADMIN,
			Groups.ANALYSIS_GROUP, Groups.ARTICLE5_COMMITTEE, Groups.GENDER_FOCAL_POINTS);

	/** Edit the registry of States Parties and meetings. */
	public static final List<String> REGISTRY_EDITORS = List.of(Groups.ISU, Groups.COORDINATORS, Groups.ADMIN);

	/**
	 * Upload any document to a request's record (a request's rapporteur its analysis
	 * drafts too, checked by the document module).
	 */
	public static final List<String> DOCUMENT_UPLOADERS = List.of(Groups.ISU, Groups.COORDINATORS, Groups.ADMIN);

	/** Start and withdraw extension requests. */
	public static final List<String> REQUEST_STEWARDS = List.of(Groups.ISU, Groups.COORDINATORS);

	/** Read the outbox of mails. */
	public static final List<String> MAIL_READERS = List.of(Groups.COORDINATORS, Groups.ADMIN);

	/** Administer: retry mails, lift login locks, everything in Camunda Admin. */
	public static final List<String> ADMINISTRATORS = List.of(Groups.ADMIN);

	/** Scrape the Prometheus metrics and see health details. */
	public static final List<String> OPERATORS = List.of(Groups.COORDINATORS, Groups.ADMIN);

	private AccessPolicy() {
	}

	public static boolean canRead(Authentication authentication) {
		return isIn(authentication, READERS);
	}

	public static boolean canEditRegistry(Authentication authentication) {
		return isIn(authentication, REGISTRY_EDITORS);
	}

	/**
	 * Upload any kind of document to a request's record (a rapporteur's analysis drafts
	 * are the document module's own rule).
	 */
	public static boolean canUploadDocuments(Authentication authentication) {
		return isIn(authentication, DOCUMENT_UPLOADERS);
	}

	public static boolean isAdministrator(Authentication authentication) {
		return isIn(authentication, ADMINISTRATORS);
	}

	/**
	 * Whether a signed-in user belongs to one of the groups.
	 */
	public static boolean isIn(Authentication authentication, Collection<String> groups) {
		return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& Groups.of(authentication).stream().anyMatch(groups::contains);
	}

	/**
	 * The Spring authorities of the groups, for the filter chains' rules.
	 */
	static String[] authorities(Collection<String> groups) {
		return groups.stream().map((group) -> Groups.AUTHORITY_PREFIX + group).toArray(String[]::new);
	}

}
