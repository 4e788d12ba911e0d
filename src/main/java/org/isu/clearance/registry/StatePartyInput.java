package org.isu.clearance.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user sends to register or edit a State Party.
 */
public record StatePartyInput(@NotNull Convention convention,
		@NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 3166 alpha-3 code") String code,
		@NotBlank @Size(max = 120) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line") String name,
		@NotNull LocalDate entryIntoForce, @NotNull LocalDate clearanceDeadline,
		@NotBlank @Email @Size(max = 254) @Pattern(regexp = "[^\\r\\n\\s]*",
				message = "must be a single address") String focalPointEmail,
		@NotNull Language preferredLanguage, @Size(max = 2000) String notes, @Size(max = 2000) String reason) {

}
