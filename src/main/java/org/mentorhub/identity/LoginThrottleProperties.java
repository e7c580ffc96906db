package org.mentorhub.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of the brute-force protection ({@code mentorhub.identity.throttle.*}, QUALITY S3),
 * documented in {@code docs/security.md}.
 *
 * @param accountLockAfter the failure of one account that first locks it (the 5th by default)
 * @param accountFirstLock how long the first lock of an account lasts
 * @param accountMaxLock the longest lock of an account; each further failure doubles the lock up to this
 * @param accountResetAfter an account's count starts again after this long without a failure
 * @param ipMaxFailures failures from one IP address within {@code ipWindow} that block the address
 * @param ipWindow the window in which an IP address's failures are counted, and how long a block lasts
 */
@ConfigurationProperties("mentorhub.identity.throttle")
record LoginThrottleProperties(@DefaultValue("5") int accountLockAfter, @DefaultValue("1m") Duration accountFirstLock,
		@DefaultValue("15m") Duration accountMaxLock, @DefaultValue("12h") Duration accountResetAfter,
		@DefaultValue("50") int ipMaxFailures, @DefaultValue("15m") Duration ipWindow) {

	/** The production defaults, as documented. */
	static LoginThrottleProperties defaults() {
		return new LoginThrottleProperties(5, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(12), 50,
				Duration.ofMinutes(15));
	}

}
