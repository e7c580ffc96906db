package org.mentorhub.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of direct messages ({@code mentorhub.messaging}).
 *
 * @param retentionDays the default period of the retention rule direct-messages (the privacy module's purge job deletes older messages; an administrator may change it on /admin/privacy/retention); 0 (the default) keeps them
 * @param perMinute how many messages one sender may send per minute (page and API together)
 */
@ConfigurationProperties("mentorhub.messaging")
record MessagingProperties(@DefaultValue("0") int retentionDays, @DefaultValue("30") int perMinute) {
}
