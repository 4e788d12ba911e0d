package org.isu.clearance.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user sends to register or edit a meeting.
 */
public record MeetingInput(@NotNull Convention convention,
		@NotBlank @Pattern(regexp = "[A-Za-z0-9]{2,16}",
				message = "must be 2 to 16 letters or digits, such as 13MSP or 3RC") String code,
		@NotNull MeetingKind kind, @NotNull LocalDate firstDay, @NotNull LocalDate lastDay,
		@Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line") String venue,
		boolean provisional, @Size(max = 2000) String reason) {

}
