package org.isu.clearance.identity;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators see the login locks in force and lift them ({@code camunda-admin}, by
 * the filter chain's rule).
 */
@RestController
@RequestMapping("/api/admin/login-locks")
class LoginThrottleController {

	private final LoginThrottle throttle;

	LoginThrottleController(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping
	List<LoginThrottle.Lock> locks() {
		return this.throttle.locks();
	}

	/**
	 * Lifts the locks of a client address, for one user name or all.
	 */
	@DeleteMapping
	Map<String, Integer> lift(@RequestParam String client, @RequestParam(required = false) String userId) {
		return Map.of("lifted", this.throttle.lift(client, userId));
	}

}
