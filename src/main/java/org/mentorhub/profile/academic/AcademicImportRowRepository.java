package org.mentorhub.profile.academic;

import java.util.Collection;
import java.util.List;

import org.mentorhub.platform.imports.PendingImportRows;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AcademicImportRowRepository extends JpaRepository<AcademicImportRow, Long>, PendingImportRows {

	List<AcademicImportRow> findByImportIdOrderByLineNumber(long importId);

	@Query("select r.id from AcademicImportRow r where r.importId = :importId and r.outcome in :outcomes "
			+ "order by r.lineNumber")
	List<Long> findIdsByImportIdAndOutcomeIn(@Param("importId") long importId,
			@Param("outcomes") Collection<AcademicImports.Outcome> outcomes);

	@Query("select r.outcome, count(r) from AcademicImportRow r where r.importId = :importId group by r.outcome")
	List<Object[]> countByOutcome(@Param("importId") long importId);

	@Modifying
	@Query("update AcademicImportRow r set r.outcome = :to where r.importId = :importId and r.outcome in :from")
	int changeOutcomes(@Param("importId") long importId, @Param("from") Collection<AcademicImports.Outcome> from,
			@Param("to") AcademicImports.Outcome to);

	@Override
	default List<Long> pendingRowIds(long importId) {
		return findIdsByImportIdAndOutcomeIn(importId, AcademicImports.Outcome.PENDING);
	}

	@Override
	default int skipPendingRows(long importId) {
		return changeOutcomes(importId, AcademicImports.Outcome.PENDING, AcademicImports.Outcome.SKIPPED);
	}

}
