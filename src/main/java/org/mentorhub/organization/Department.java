package org.mentorhub.organization;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A department of an institution; coordinators administer one. Its code is unique in the institution. */
@Entity
@Table(name = "departments")
class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private String name;

	private String code;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Department() {
	}

	/** A new department; name and code are already checked. */
	static Department open(long institutionId, String name, String code, Instant now) {
		Department department = new Department();
		department.institutionId = institutionId;
		department.name = name;
		department.code = code;
		department.createdAt = now;
		department.updatedAt = now;
		return department;
	}

	void rename(String newName, Instant now) {
		this.name = newName;
		this.updatedAt = now;
	}

	void changeCode(String newCode, Instant now) {
		this.code = newCode;
		this.updatedAt = now;
	}

	Long getId() {
		return this.id;
	}

	Long getInstitutionId() {
		return this.institutionId;
	}

	String getName() {
		return this.name;
	}

	String getCode() {
		return this.code;
	}

	long getVersion() {
		return this.version;
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("institutionId", this.institutionId);
		state.put("name", this.name);
		state.put("code", this.code);
		return state;
	}

	DepartmentSummary toSummary() {
		return new DepartmentSummary(this.id, this.institutionId, this.name, this.code);
	}

}
