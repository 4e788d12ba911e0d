package org.isu.clearance.review;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.isu.clearance.registry.Convention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The body that reviews each convention's requests ({@code clearance.review.*}).
 *
 * @param bodies per convention: the CCM's Analysis Group, the APMBC's Committee on
 * Article 5 Implementation
 */
@Validated
@ConfigurationProperties("clearance.review")
record ReviewProperties(@NotEmpty Map<Convention, @Valid Body> bodies) {

	/**
	 * @param group the Camunda group of its members (candidates of its tasks, among whom
	 * the rapporteur is chosen)
	 * @param names its name by language ({@code en} required), for letters, forms and
	 * pages
	 */
	record Body(@NotBlank String group, @NotEmpty Map<String, @NotBlank String> names) {

	}

}
