package org.mentorhub.attachment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

	List<Attachment> findByRelatedTypeAndRelatedIdOrderByIdDesc(String relatedType, long relatedId);

	List<Attachment> findByOwnerIdOrderByIdAsc(Long ownerId);

	List<Attachment> findByRelatedTypeAndRelatedIdInOrderByIdDesc(String relatedType, List<Long> relatedIds);

	@Query("SELECT COALESCE(SUM(a.sizeBytes), 0) FROM Attachment a WHERE a.ownerId = :ownerId")
	long totalSizeOfOwner(@Param("ownerId") long ownerId);

}
