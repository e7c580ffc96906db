package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDateTime;

/** A free time to book: both people are available and neither has another session. */
public record SessionSlot(Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd) {
}
