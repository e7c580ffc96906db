package org.mentorhub.session;

import org.springframework.data.jpa.repository.JpaRepository;

interface MentoringSessionRepository extends JpaRepository<MentoringSession, Long> {

}
