package org.mentorhub.organization;

/** The department form as the browser posts it. */
record DepartmentForm(String name, String code, Long version) {

	static DepartmentForm blank() {
		return new DepartmentForm("", "", null);
	}

	static DepartmentForm of(DepartmentOverview department) {
		return new DepartmentForm(department.name(), department.code(), department.version());
	}

}
