package org.mentorhub.profile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TagRepository extends JpaRepository<Tag, Long> {

	Optional<Tag> findByInstitutionIdAndSlug(long institutionId, String slug);

	List<Tag> findByInstitutionIdAndSlugStartingWithOrderBySlug(long institutionId, String prefix, Pageable page);

}
