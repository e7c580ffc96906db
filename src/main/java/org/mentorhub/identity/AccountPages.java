package org.mentorhub.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** Views shared by the account pages: a finished step, and a link that can no longer be used. */
public final class AccountPages {

	static final String DONE = "identity/account/done";

	static final String LINK_UNUSABLE = "identity/account/link-unusable";

	private AccountPages() {
	}

	/**
	 * A step is finished; {@code kind} names its texts ({@code account.done.<kind>.*}).
	 * @param signIn whether to offer the sign-in page
	 */
	public static ModelAndView done(String kind, boolean signIn) {
		ModelAndView view = new ModelAndView(DONE);
		view.addObject("kind", kind);
		view.addObject("signIn", signIn);
		return view;
	}

	/**
	 * The link has expired or has been used: 410 Gone, with what to do next
	 * ({@code account.link.<kind>.*}).
	 */
	public static ModelAndView linkUnusable(String kind) {
		ModelAndView view = new ModelAndView(LINK_UNUSABLE, HttpStatus.GONE);
		view.addObject("kind", kind);
		return view;
	}

}
