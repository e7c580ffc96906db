package org.mentorhub.alert;

/** An alert raised by hand; every part is checked by {@link Alerts#raise}. */
public record AlertInput(Long studentId, String severity, String category, String message, Boolean visibleToStudent) {
}
