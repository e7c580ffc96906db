package org.mentorhub.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization module's API: read institutions and their departments. */
@Service
@Transactional(readOnly = true)
public class Organizations {

	private final InstitutionRepository institutions;

	private final DepartmentRepository departments;

	Organizations(InstitutionRepository institutions, DepartmentRepository departments) {
		this.institutions = institutions;
		this.departments = departments;
	}

	/** The institution with this id, if it exists. */
	public Optional<InstitutionSummary> findInstitution(long id) {
		return this.institutions.findById(id).map(Institution::toSummary);
	}

	/** The institution with this id and all its settings, if it exists. */
	public Optional<InstitutionDetails> findInstitutionDetails(long id) {
		return this.institutions.findById(id).map(Institution::toDetails);
	}

	/** The department of the institution with this code (matched case-insensitively), if it exists. */
	public Optional<DepartmentSummary> findDepartmentByCode(long institutionId, String code) {
		return code == null || code.isBlank() ? Optional.empty()
				: this.departments.findByInstitutionIdAndCode(institutionId, code.strip().toUpperCase(java.util.Locale.ROOT))
					.map(Department::toSummary);
	}

	/** The department with this id, if it exists. */
	public Optional<DepartmentSummary> findDepartment(long id) {
		return this.departments.findById(id).map(Department::toSummary);
	}

	/** The departments of an institution, by name. */
	public List<DepartmentSummary> departmentsOf(long institutionId) {
		return this.departments.findByInstitutionIdOrderByName(institutionId)
			.stream()
			.map(Department::toSummary)
			.toList();
	}

}
