package org.isu.clearance.registry;

import java.util.List;

/**
 * The six official languages of the United Nations, by their ISO 639-1 codes, in the UN's
 * order.
 */
public enum Language {

	ar, zh, en, fr, ru, es;

	public static List<String> codes() {
		return java.util.Arrays.stream(values()).map(Enum::name).toList();
	}

}
