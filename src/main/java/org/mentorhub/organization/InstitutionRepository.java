package org.mentorhub.organization;

import org.springframework.data.jpa.repository.JpaRepository;

interface InstitutionRepository extends JpaRepository<Institution, Long> {

}
