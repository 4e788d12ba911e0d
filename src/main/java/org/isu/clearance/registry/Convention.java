package org.isu.clearance.registry;

/**
 * The treaty under which a deadline runs and an extension is requested.
 */
public enum Convention {

	/**
	 * Convention on Cluster Munitions, Article 4 (clearance of cluster munition
	 * remnants).
	 */
	CCM("Convention on Cluster Munitions", "Article 4", "Analysis Group"),

	/**
	 * Anti-Personnel Mine Ban Convention, Article 5 (destruction of mines in mined
	 * areas).
	 */
	APMBC("Anti-Personnel Mine Ban Convention", "Article 5", "Committee on Article 5 Implementation");

	private final String title;

	private final String article;

	private final String reviewBody;

	Convention(String title, String article, String reviewBody) {
		this.title = title;
		this.article = article;
		this.reviewBody = reviewBody;
	}

	public String title() {
		return this.title;
	}

	public String article() {
		return this.article;
	}

	public String reviewBody() {
		return this.reviewBody;
	}

}
