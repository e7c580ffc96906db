package org.mentorhub.organization;

/** A department as its administrator sees it in the list: with the number of its members. */
record DepartmentOverview(long id, String name, String code, long members, long version) {
}
