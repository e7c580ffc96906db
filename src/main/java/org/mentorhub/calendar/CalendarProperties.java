package org.mentorhub.calendar;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calendar settings ({@code mentorhub.calendar.*}).
 *
 * @param reminderBefore how long before a confirmed session its reminder is mailed
 * @param feedPast how far back the feed reaches
 * @param feedAhead how far ahead the feed reaches
 * @param feedRequestsPerHour how often one feed URL may be fetched per hour (calendar apps poll hourly)
 */
@ConfigurationProperties("mentorhub.calendar")
record CalendarProperties(@DefaultValue("PT24H") Duration reminderBefore, @DefaultValue("P30D") Duration feedPast,
		@DefaultValue("P180D") Duration feedAhead, @DefaultValue("60") int feedRequestsPerHour) {
}
