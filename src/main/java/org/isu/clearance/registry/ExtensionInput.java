package org.isu.clearance.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An extension request and its status, recorded against a State Party: a {@code granted}
 * or {@code granted-shorter} one moves its deadline to {@code newDeadline}; a
 * {@code requested} one (in progress, or its outcome not confirmed) records the requested
 * deadline and moves nothing; a {@code refused} or {@code not-considered-late} one keeps
 * the deadline unchanged ({@code newDeadline} is not needed).
 */
public record ExtensionInput(LocalDate newDeadline,
		@NotNull @Pattern(regexp = "[A-Za-z0-9]{2,16}",
				message = "must be a meeting code such as 13MSP") String meetingCode,
		@NotNull @Pattern(regexp = "requested|granted|granted-shorter|refused|not-considered-late",
				message = "must be requested, granted, granted-shorter, refused or not-considered-late") String decision,
		LocalDate decidedOn, @Size(max = 200) String reference, @Size(max = 2000) String notes,
		@Size(max = 2000) String reason) {

}
