package org.isu.clearance.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data of the default run ({@code clearance.demo.*}).
 *
 * @param enabled create the demo users and sample data on start (off in {@code prod})
 * @param password the demo users' password ({@code DEMO_PASSWORD}, {@code demo} by
 * default)
 */
@ConfigurationProperties("clearance.demo")
record DemoProperties(boolean enabled, String password) {

}
