package org.mentorhub.report;

import org.mentorhub.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the signed-in user's dashboard ({@link HomeDashboards}). */
@Controller
class HomePageController {

	private final HomeDashboards dashboards;

	HomePageController(HomeDashboards dashboards) {
		this.dashboards = dashboards;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal SignedInUser user, Model model) {
		return this.dashboards.fill(user, model);
	}

}
