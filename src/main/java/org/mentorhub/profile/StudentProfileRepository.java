package org.mentorhub.profile;

import org.springframework.data.jpa.repository.JpaRepository;

interface StudentProfileRepository extends JpaRepository<StudentProfile, Long> {

	boolean existsByRollNumberAndUserIdNot(String rollNumber, Long userId);

}
