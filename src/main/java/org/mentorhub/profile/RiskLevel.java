package org.mentorhub.profile;

/** A student's academic risk level. */
public enum RiskLevel {
	LOW, MEDIUM, HIGH
}
