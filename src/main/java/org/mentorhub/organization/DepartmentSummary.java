package org.mentorhub.organization;

/** A department as other modules see it. */
public record DepartmentSummary(long id, long institutionId, String name, String code) {
}
