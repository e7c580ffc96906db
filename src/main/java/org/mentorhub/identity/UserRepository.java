package org.mentorhub.identity;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<User, Long> {

	/** Finds a user by e-mail or username, ignoring case, as typed on the login form. */
	@Query("select u from User u where lower(u.email) = lower(:login) or lower(u.username) = lower(:login)")
	Optional<User> findByLogin(@Param("login") String login);

	boolean existsByEmailIgnoreCase(String email);

	Optional<User> findByEmailIgnoreCase(String email);

	boolean existsByUsernameIgnoreCase(String username);

}
