package org.mentorhub.platform;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up accounts for modules that may not depend on the identity module (the audit log shows
 * who did what, and filters by e-mail address). The identity module implements it.
 */
public interface UserDirectory {

	/** The id of the account with this e-mail address or username (ignoring case), if there is one. */
	Optional<Long> findIdByLogin(String login);

	/** The e-mail addresses of the given accounts, by id; ids without an account are left out. */
	Map<Long, String> emailsOf(Collection<Long> ids);

	/** The time zone the account has chosen ({@code users.time_zone}); UTC for an unknown id. */
	ZoneId zoneOf(long id);

}
