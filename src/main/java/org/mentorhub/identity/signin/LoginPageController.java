package org.mentorhub.identity.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security's form login processes the POST. */
@Controller
class LoginPageController {

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

}
