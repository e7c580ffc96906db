package org.mentorhub.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InstitutionRepository extends JpaRepository<Institution, Long> {

	List<Institution> findAllByOrderByNameAsc();

	boolean existsByCode(String code);

	boolean existsByCodeAndIdNot(String code, long id);

}
