package org.isu.clearance.document;

import java.util.Arrays;
import java.util.List;

/**
 * What a document is in a request's record.
 */
public enum DocumentKind {

	/** The State's request, as received. */
	REQUEST("request"),
	/** A revised request, attached to the request version it revises. */
	REVISED_REQUEST("revised-request"),
	/** An annex of the request (work plan, maps, budget); one document per title. */
	ANNEX("annex"),
	/** A draft of the Analysis Group's analysis (the rapporteur may upload these). */
	ANALYSIS_DRAFT("analysis-draft"),
	/** The analysis as issued in one of the six official languages. */
	ANALYSIS_OFFICIAL("analysis-official"),
	/** The meeting's decision, sent to the State with the decision letter. */
	DECISION("decision"),
	/** A letter to or from the State. */
	CORRESPONDENCE("correspondence");

	private final String code;

	DocumentKind(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static DocumentKind of(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.code.equals(code)).findFirst().orElse(null);
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(DocumentKind::code).toList();
	}

}
