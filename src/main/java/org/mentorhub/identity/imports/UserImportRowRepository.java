package org.mentorhub.identity.imports;

import java.util.List;

import org.mentorhub.platform.imports.PendingImportRows;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserImportRowRepository extends JpaRepository<UserImportRow, Long>, PendingImportRows {

	List<UserImportRow> findByImportIdOrderByLineNumber(long importId);

	@Query("select r.id from UserImportRow r where r.importId = :importId and r.outcome = :outcome order by r.lineNumber")
	List<Long> findIdsByImportIdAndOutcome(@Param("importId") long importId,
			@Param("outcome") UserImports.Outcome outcome);

	@Query("select r.outcome, count(r) from UserImportRow r where r.importId = :importId group by r.outcome")
	List<Object[]> countByOutcome(@Param("importId") long importId);

	@Modifying
	@Query("update UserImportRow r set r.outcome = :to where r.importId = :importId and r.outcome = :from")
	int changeOutcomes(@Param("importId") long importId, @Param("from") UserImports.Outcome from,
			@Param("to") UserImports.Outcome to);

	@Override
	default List<Long> pendingRowIds(long importId) {
		return findIdsByImportIdAndOutcome(importId, UserImports.Outcome.PENDING);
	}

	@Override
	default int skipPendingRows(long importId) {
		return changeOutcomes(importId, UserImports.Outcome.PENDING, UserImports.Outcome.SKIPPED);
	}

}
