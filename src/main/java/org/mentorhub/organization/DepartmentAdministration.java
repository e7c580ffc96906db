package org.mentorhub.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departments of the caller's institution, for its administrator (permission
 * {@code DEPARTMENT_MANAGE}): list, open, rename and re-code. A department of another institution
 * is "not found". Every change is audited with the state before and after.
 */
@Service
@PreAuthorize("hasAuthority('DEPARTMENT_MANAGE')")
class DepartmentAdministration {

	static final String CODE_TAKEN = "Another department of your institution already uses this code.";

	private final DepartmentRepository departments;

	private final ObjectProvider<DepartmentMemberCounts> memberCounts;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	DepartmentAdministration(DepartmentRepository departments, ObjectProvider<DepartmentMemberCounts> memberCounts,
			Tenancy tenancy, AuditTrail audit, Clock clock) {
		this.departments = departments;
		this.memberCounts = memberCounts;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	/** The caller's departments by name, each with its number of members. */
	@Transactional(readOnly = true)
	public List<DepartmentOverview> list() {
		long institutionId = this.tenancy.institutionId();
		DepartmentMemberCounts counter = this.memberCounts.getIfAvailable();
		Map<Long, Long> counts = counter == null ? Map.of() : counter.countByDepartment(institutionId);
		return this.departments.findByInstitutionIdOrderByName(institutionId)
			.stream()
			.map(d -> new DepartmentOverview(d.getId(), d.getName(), d.getCode(), counts.getOrDefault(d.getId(), 0L),
					d.getVersion()))
			.toList();
	}

	@Transactional(readOnly = true)
	public DepartmentOverview get(long id) {
		Department department = find(id);
		DepartmentMemberCounts counter = this.memberCounts.getIfAvailable();
		long members = counter == null ? 0
				: counter.countByDepartment(department.getInstitutionId()).getOrDefault(department.getId(), 0L);
		return new DepartmentOverview(department.getId(), department.getName(), department.getCode(), members,
				department.getVersion());
	}

	/** Opens a department in the caller's institution. */
	@Transactional
	public DepartmentSummary create(String name, String code) {
		long institutionId = this.tenancy.institutionId();
		Checked checked = check(name, code, true, true);
		if (this.departments.existsByInstitutionIdAndCode(institutionId, checked.code())) {
			throw new InvalidInputException("code", CODE_TAKEN);
		}
		Department department = saveChecked(
				Department.open(institutionId, checked.name(), checked.code(), this.clock.instant()));
		this.audit.record(AuditRecord.change("DEPARTMENT_CREATED", "departments", department.getId(), null,
				department.auditState()));
		return department.toSummary();
	}

	/**
	 * Renames and/or re-codes a department; a null name or code stays as it is.
	 * @param version the version the editor loaded, or null to skip the stale-edit check
	 */
	@Transactional
	public DepartmentSummary update(long id, String name, String code, Long version) {
		Department department = find(id);
		if (version != null && version != department.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(Department.class, id);
		}
		Checked checked = check(name, code, name != null, code != null);
		if (checked.code() != null && this.departments.existsByInstitutionIdAndCodeAndIdNot(
				department.getInstitutionId(), checked.code(), department.getId())) {
			throw new InvalidInputException("code", CODE_TAKEN);
		}
		Map<String, Object> before = department.auditState();
		Instant now = this.clock.instant();
		if (checked.name() != null) {
			department.rename(checked.name(), now);
		}
		if (checked.code() != null) {
			department.changeCode(checked.code(), now);
		}
		saveChecked(department);
		Map<String, Object> after = department.auditState();
		if (!after.equals(before)) {
			this.audit.record(AuditRecord.change("DEPARTMENT_UPDATED", "departments", id, before, after));
		}
		return department.toSummary();
	}

	private record Checked(String name, String code) {
	}

	private static Checked check(String name, String code, boolean nameGiven, boolean codeGiven) {
		List<FieldProblem> problems = new ArrayList<>();
		String checkedName = InstitutionRules.strip(name);
		if (nameGiven && (checkedName == null || checkedName.length() > 200)) {
			problems.add(new FieldProblem("name", "Enter the department's name (at most 200 characters)."));
		}
		String checkedCode = InstitutionRules.normalizeCode(code);
		if (codeGiven && (checkedCode == null || !InstitutionRules.CODE.matcher(checkedCode).matches())) {
			problems.add(new FieldProblem("code",
					"Enter a code of 2 to 32 letters, digits, '-' or '_', starting with a letter or digit."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(checkedName, checkedCode);
	}

	private Department saveChecked(Department department) {
		try {
			return this.departments.saveAndFlush(department);
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidInputException("code", CODE_TAKEN);
		}
	}

	private Department find(long id) {
		Department department = this.departments.findById(id)
			.orElseThrow(() -> new NotFoundException("Department not found"));
		this.tenancy.requireInstitution(department.getInstitutionId(), "Department");
		return department;
	}

}
