package org.mentorhub.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {

	List<Department> findByInstitutionIdOrderByName(long institutionId);

	Optional<Department> findByInstitutionIdAndCode(long institutionId, String code);

	boolean existsByInstitutionIdAndCode(long institutionId, String code);

	boolean existsByInstitutionIdAndCodeAndIdNot(long institutionId, String code, long id);

}
