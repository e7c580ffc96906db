package org.mentorhub.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {

	List<Department> findByInstitutionIdOrderByName(long institutionId);

}
