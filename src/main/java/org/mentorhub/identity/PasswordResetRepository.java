package org.mentorhub.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasswordResetRepository extends JpaRepository<PasswordReset, Long> {

	Optional<PasswordReset> findByTokenHash(String tokenHash);

	/**
	 * Marks the reset used if, and only if, it is unused and unexpired: one UPDATE, so the database
	 * decides between two concurrent redemptions and exactly one gets 1.
	 */
	@Modifying(flushAutomatically = true)
	@Query("update PasswordReset r set r.usedAt = :now where r.tokenHash = :hash and r.usedAt is null and r.expiresAt > :now")
	int redeem(@Param("hash") String tokenHash, @Param("now") Instant now);

	/** Withdraws every other open reset of the user, once one has been used. */
	@Modifying(flushAutomatically = true)
	@Query("update PasswordReset r set r.usedAt = :now where r.userId = :user and r.usedAt is null")
	int withdrawOpen(@Param("user") long userId, @Param("now") Instant now);

}
