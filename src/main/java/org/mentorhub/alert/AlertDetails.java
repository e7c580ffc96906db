package org.mentorhub.alert;

import java.util.List;

/** An alert with its history, oldest entry first. */
public record AlertDetails(AlertView alert, List<AlertEventView> history) {
}
