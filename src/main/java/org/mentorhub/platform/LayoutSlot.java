package org.mentorhub.platform;

import java.util.Objects;

/**
 * A fragment that a module puts into a named place of the page layout, as a bean: the layout has
 * the slots {@link #BELL} (the notification bell) and {@link #MESSAGES} (the unread messages badge) in its top bar; the bell which stays empty until a module
 * contributes a {@code LayoutSlot} bean for {@code LayoutSlot.BELL} that names its fragment (for example
 * {@code notification/partials/bell :: bell}). The fragment is rendered for signed-in users only.
 *
 * @param name the slot
 * @param fragment the Thymeleaf fragment selector ({@code template :: fragment})
 */
public record LayoutSlot(String name, String fragment) {

	/** The notification bell, beside the user menu. */
	public static final String BELL = "bell";

	/** The direct messages' unread badge, beside the bell. */
	public static final String MESSAGES = "messages";

	public LayoutSlot {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(fragment, "fragment");
		if (!fragment.matches("[a-z0-9/_-]+ :: [A-Za-z0-9_]+")) {
			throw new IllegalArgumentException("A slot names a fragment as 'template :: fragment': " + fragment);
		}
	}

}
