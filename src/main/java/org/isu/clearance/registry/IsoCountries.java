package org.isu.clearance.registry;

import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-3 country codes, as the JDK knows them.
 */
final class IsoCountries {

	private static final Set<String> ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

	private IsoCountries() {
	}

	static boolean isAlpha3(String code) {
		return code != null && ALPHA3.contains(code.toUpperCase(Locale.ROOT));
	}

}
