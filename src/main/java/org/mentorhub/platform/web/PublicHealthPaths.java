package org.mentorhub.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * With actuator on a management port of its own, the public port keeps the probe addresses that load
 * balancers and scripts used before: {@code /actuator/health} and {@code /actuator/health/readiness}
 * answer as {@code /readyz} (the readiness group), {@code /actuator/health/liveness} as {@code /livez}.
 * Nothing else of actuator (metrics, info) is on the public port.
 */
@Hidden
@Controller
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealthPaths {

	@GetMapping({ "/actuator/health", "/actuator/health/readiness" })
	String readiness() {
		return "forward:/readyz";
	}

	@GetMapping("/actuator/health/liveness")
	String liveness() {
		return "forward:/livez";
	}

}
