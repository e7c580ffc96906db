package org.mentorhub.identity.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonalAccessTokenRepository extends JpaRepository<PersonalAccessToken, Long> {

	Optional<PersonalAccessToken> findByTokenHash(String tokenHash);

	Optional<PersonalAccessToken> findByIdAndUserId(long id, long userId);

	List<PersonalAccessToken> findByUserIdOrderByCreatedAtDescIdDesc(long userId);

	@Query("select count(t) from PersonalAccessToken t where t.userId = :user and t.revokedAt is null and t.expiresAt > :now")
	long countActive(@Param("user") long userId, @Param("now") Instant now);

	/**
	 * Records a use, at most once a minute per token: the row is only written when the last recorded
	 * use is older than {@code before}, so busy API clients do not turn every read into a write.
	 */
	@Modifying
	@Query("update PersonalAccessToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
	int recordUse(@Param("id") long id, @Param("now") Instant now, @Param("before") Instant before);

}
