package org.isu.clearance.document;

import java.util.List;

import org.isu.clearance.identity.AccessPolicy;
import org.isu.clearance.identity.Groups;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read and who may upload documents. Readers are whoever may open a request's
 * page (the ISU, the coordinators, the administrators and the Analysis Group); the ISU,
 * the coordinators and the administrators upload any kind, and a request's rapporteur
 * uploads its analysis drafts. Only administrators withdraw. The expressions are for
 * {@code @PreAuthorize}; each asks the application's one {@link AccessPolicy}.
 */
@Component("documentAccess")
class DocumentAccess {

	static final String READERS = "@documentAccess.mayRead(authentication)";

	static final String UPLOADERS = "@documentAccess.mayUpload(authentication, #businessKey, #kind)";

	static final String ADMINS = "@documentAccess.mayWithdraw(authentication)";

	private final RequestRecords requests;

	DocumentAccess(RequestRecords requests) {
		this.requests = requests;
	}

	/**
	 * Whether the user may read a request's documents: whoever may read the request.
	 */
	public boolean mayRead(Authentication authentication) {
		return AccessPolicy.canRead(authentication);
	}

	/**
	 * Whether the user may withdraw a document from the record: an administrator.
	 */
	public boolean mayWithdraw(Authentication authentication) {
		return AccessPolicy.isAdministrator(authentication);
	}

	/**
	 * Whether the user may upload a document of this kind to this request: an editor
	 * always, the request's rapporteur an analysis draft. An unknown request is left to
	 * the upload itself (404).
	 */
	public boolean mayUpload(Authentication authentication, String businessKey, String kind) {
		if (authentication == null) {
			return false;
		}
		if (mayEdit(authentication)) {
			return true;
		}
		if (!AccessPolicy.isIn(authentication, Groups.reviewers())
				|| !DocumentKind.ANALYSIS_DRAFT.code().equals(kind)) {
			return false;
		}
		return this.requests.find(businessKey)
			.map((request) -> authentication.getName().equals(request.rapporteur()))
			.orElse(false);
	}

	static boolean mayEdit(Authentication authentication) {
		return AccessPolicy.canUploadDocuments(authentication);
	}

}
