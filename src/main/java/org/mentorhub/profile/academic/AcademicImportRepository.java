package org.mentorhub.profile.academic;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AcademicImportRepository extends JpaRepository<AcademicImport, Long> {

	List<AcademicImport> findTop10ByInstitutionIdOrderByCreatedAtDescIdDesc(long institutionId);

	List<AcademicImport> findTop10ByInstitutionIdAndUploadedByIdOrderByCreatedAtDescIdDesc(long institutionId,
			long uploadedById);

	/** Counts one processed row, and one applied row if {@code applied} is 1. */
	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query("update AcademicImport i set i.processedRows = i.processedRows + 1, i.doneRows = i.doneRows + :applied "
			+ "where i.id = :id")
	int countProcessedRow(@Param("id") long id, @Param("applied") int applied);

}
