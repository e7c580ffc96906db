package org.mentorhub.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A department of an institution; coordinators administer one. */
@Entity
@Table(name = "departments")
class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private String name;

	private String code;

	@Version
	private long version;

	protected Department() {
	}

	DepartmentSummary toSummary() {
		return new DepartmentSummary(this.id, this.institutionId, this.name, this.code);
	}

}
