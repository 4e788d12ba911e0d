package org.isu.clearance.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An extension decided by a meeting, recorded against a State Party: its deadline moves
 * to {@code newDeadline}.
 */
public record ExtensionInput(@NotNull LocalDate newDeadline,
		@NotNull @Pattern(regexp = "[A-Za-z0-9]{2,16}",
				message = "must be a meeting code such as 13MSP") String meetingCode,
		@NotNull @Pattern(regexp = "granted|granted-shorter",
				message = "must be granted or granted-shorter") String decision,
		LocalDate decidedOn, @Size(max = 200) String reference, @Size(max = 2000) String notes,
		@Size(max = 2000) String reason) {

}
