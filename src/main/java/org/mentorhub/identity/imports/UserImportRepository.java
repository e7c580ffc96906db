package org.mentorhub.identity.imports;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserImportRepository extends JpaRepository<UserImport, Long> {

	List<UserImport> findTop10ByInstitutionIdOrderByCreatedAtDescIdDesc(long institutionId);

	long countByUploadedByIdAndCreatedAtAfter(long uploadedById, Instant after);

	/** Counts one processed row, and one created account if {@code created} is 1. */
	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query("update UserImport i set i.processedRows = i.processedRows + 1, i.doneRows = i.doneRows + :created "
			+ "where i.id = :id")
	int countProcessedRow(@Param("id") long id, @Param("created") int created);

}
