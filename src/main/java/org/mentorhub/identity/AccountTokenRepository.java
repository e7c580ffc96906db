package org.mentorhub.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

	Optional<AccountToken> findByTokenHashAndPurpose(String tokenHash, AccountToken.Purpose purpose);

	/**
	 * Marks the token used if, and only if, nobody has used it yet: the database decides between
	 * two concurrent redemptions, and exactly one gets 1.
	 */
	@Modifying
	@Query("update AccountToken t set t.usedAt = :now where t.tokenHash = :hash and t.usedAt is null and t.expiresAt > :now")
	int redeem(@Param("hash") String tokenHash, @Param("now") Instant now);

	/** Withdraws the user's unused links of one purpose, so that only a newer one works. */
	@Modifying
	@Query("update AccountToken t set t.usedAt = :now where t.userId = :user and t.purpose = :purpose and t.usedAt is null")
	int withdrawOpen(@Param("user") long userId, @Param("purpose") AccountToken.Purpose purpose,
			@Param("now") Instant now);

	boolean existsByUserIdAndPurpose(long userId, AccountToken.Purpose purpose);

}
