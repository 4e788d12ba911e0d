package org.isu.clearance.request;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the request list that keep its filters: sort by a column (toggling the
 * direction), go to another page, export the same rows as CSV.
 */
class ListLinks {

	private final RequestFilter filter;

	ListLinks(RequestFilter filter) {
		this.filter = filter;
	}

	public String sort(String key) {
		boolean descending = key.equals(this.filter.sort()) && !this.filter.descending();
		return build("/", key, descending, 0);
	}

	public String page(int page) {
		return build("/", this.filter.sort(), this.filter.descending(), page);
	}

	public String csv() {
		return build("/requests.csv", this.filter.sort(), this.filter.descending(), null);
	}

	public String stage(String stage) {
		return new ListLinks(this.filter.withStage(stage)).page(0);
	}

	/** The sort indicator of a column header: ▲, ▼ or nothing. */
	public String arrow(String key) {
		if (!key.equals(this.filter.sort())) {
			return "";
		}
		return this.filter.descending() ? "▼" : "▲";
	}

	private String build(String path, String sort, boolean descending, Integer page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (this.filter.convention() != null) {
			uri.queryParam("convention", this.filter.convention());
		}
		if (this.filter.meeting() != null) {
			uri.queryParam("meeting", this.filter.meeting());
		}
		if (this.filter.stage() != null) {
			uri.queryParam("stage", this.filter.stage());
		}
		if (this.filter.overdueOnly()) {
			uri.queryParam("overdue", true);
		}
		uri.queryParam("status", this.filter.status());
		uri.queryParam("sort", sort);
		uri.queryParam("direction", descending ? "desc" : "asc");
		if (page != null) {
			uri.queryParam("page", page);
			uri.queryParam("size", this.filter.size());
		}
		return uri.encode().build().toUriString();
	}

}
