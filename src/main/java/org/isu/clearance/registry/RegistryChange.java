package org.isu.clearance.registry;

import java.time.Instant;

/**
 * One recorded change of a State Party or a meeting.
 *
 * @param field the field that changed ({@code clearanceDeadline},
 * {@code focalPointEmail}, …; {@code extension} for a recorded extension)
 * @param oldValue its value before, {@code null} when the record was created
 * @param newValue its value after
 * @param reason why, as the editor said
 * @param changedBy who: the signed-in user, or {@code system} for the engine's own steps
 * @param changedAt when
 */
public record RegistryChange(String field, String oldValue, String newValue, String reason, String changedBy,
		Instant changedAt) {

}
