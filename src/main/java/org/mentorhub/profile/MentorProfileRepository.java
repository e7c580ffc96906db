package org.mentorhub.profile;

import org.springframework.data.jpa.repository.JpaRepository;

interface MentorProfileRepository extends JpaRepository<MentorProfile, Long> {
}
