package org.mentorhub.privacy.erasure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of erasure requests ({@code mentorhub.privacy.erasure}).
 * @param coolingOff how long after a request an administrator must wait before approving it, while the
 * person may still cancel (7 days by default; 0 to 90 days)
 */
@ConfigurationProperties("mentorhub.privacy.erasure")
record ErasureProperties(@DefaultValue("P7D") Duration coolingOff) {

	ErasureProperties {
		if (coolingOff.isNegative() || coolingOff.compareTo(Duration.ofDays(90)) > 0) {
			throw new IllegalArgumentException(
					"mentorhub.privacy.erasure.cooling-off is 0 to 90 days, not " + coolingOff);
		}
	}

}
