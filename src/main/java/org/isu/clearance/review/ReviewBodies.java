package org.isu.clearance.review;

import java.util.Locale;

import org.isu.clearance.registry.Convention;
import org.isu.clearance.review.ReviewProperties.Body;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Which body reviews a convention's requests, from configuration: its group (the
 * candidates of the review tasks, {@code ${reviewBodies.groupOf(convention)}} in the
 * model) and its name in a language.
 */
@Component("reviewBodies")
@EnableConfigurationProperties(ReviewProperties.class)
public class ReviewBodies {

	private final ReviewProperties properties;

	ReviewBodies(ReviewProperties properties) {
		this.properties = properties;
	}

	public String group(Convention convention) {
		return body(convention).group();
	}

	/**
	 * The reviewing body's group for a convention given by name: the review tasks'
	 * candidate group in the model, {@code ${reviewBodies.groupOf(convention)}}.
	 */
	public String groupOf(String convention) {
		return group(Convention.valueOf(convention));
	}

	/**
	 * The body's name in {@code language}, in English where it has none.
	 */
	public String name(Convention convention, String language) {
		var names = body(convention).names();
		String name = (language != null) ? names.get(language.toLowerCase(Locale.ROOT)) : null;
		return (name != null) ? name : names.getOrDefault("en", group(convention));
	}

	private Body body(Convention convention) {
		Body body = this.properties.bodies().get(convention);
		if (body == null) {
			throw new IllegalStateException("No reviewing body configured for the " + convention);
		}
		return body;
	}

}
