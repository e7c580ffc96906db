package org.mentorhub.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may connect with and write to whom, in one place. A person deals only with active people of
 * their own institution (anyone else is "not found"). A block, in either direction, stops requests and
 * messages. A person may write to: their connections; the other side of a mentorship that is ACTIVE
 * or PAUSED; and, as an administrator, anyone of their institution, as a coordinator anyone of their
 * department. Someone who was written to by such a person may answer them. Anyone else is refused
 * with a {@link MessagingRefusedException} that says why.
 */
@Component
class MessagingAccess {

	/** The signed-in caller, with what the rules need. */
	record Caller(long id, Long institutionId, Long departmentId, boolean admin, boolean coordinator) {

		/** Whether the caller manages {@code person}: the administrator of their institution or coordinator of their department. */
		boolean manages(Person person) {
			if (this.institutionId == null || !this.institutionId.equals(person.institutionId())) {
				return false;
			}
			return this.admin || (this.coordinator && this.departmentId != null
					&& this.departmentId.equals(person.departmentId()));
		}

	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final People people;

	MessagingAccess(JdbcClient jdbc, Tenancy tenancy, People people) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.people = people;
	}

	Caller caller() {
		Actor actor = this.tenancy.actor();
		return new Caller(actor.id(), actor.institutionId(), actor.departmentId(), this.tenancy.hasRole("ADMIN"),
				this.tenancy.hasRole("COORDINATOR"));
	}

	/** An active person of the caller's institution other than the caller, or "not found" (400 for oneself). */
	Person other(Caller caller, long personId) {
		if (personId == caller.id()) {
			throw new InvalidInputException("personId", "You cannot do this with yourself.");
		}
		Person person = this.people.find(personId).orElseThrow(() -> new NotFoundException("Person not found"));
		if (caller.institutionId() == null || !caller.institutionId().equals(person.institutionId())
				|| !person.active()) {
			throw new NotFoundException("Person not found");
		}
		return person;
	}

	/** Whether either of the two blocked the other. */
	boolean blockedEitherWay(long a, long b) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM user_blocks
				WHERE (blocker_id = :a AND blocked_id = :b) OR (blocker_id = :b AND blocked_id = :a)""")
			.param("a", a)
			.param("b", b)
			.query(Long.class)
			.single() > 0;
	}

	/** The people the caller blocked or who blocked the caller. */
	Set<Long> blockedAround(long id) {
		Set<Long> ids = new HashSet<>();
		this.jdbc.sql("""
				SELECT blocked_id FROM user_blocks WHERE blocker_id = :id
				UNION SELECT blocker_id FROM user_blocks WHERE blocked_id = :id""")
			.param("id", id)
			.query(Long.class)
			.list()
			.forEach(ids::add);
		return ids;
	}

	/** Fails with a refusal unless the caller may write to {@code receiver} (see the class comment). */
	void requireMayWrite(Caller caller, Person receiver) {
		if (blockedEitherWay(caller.id(), receiver.id())) {
			throw new MessagingRefusedException("You cannot write to this person: one of you has blocked the other.");
		}
		if (!mayWrite(caller, receiver)) {
			throw new MessagingRefusedException("You can write only to your connections, your mentorship partner "
					+ "(while the mentorship is active or paused) and people who wrote to you. Send a connection request first.");
		}
	}

	/** Whether the caller may write to {@code receiver}, blocks aside. */
	boolean mayWrite(Caller caller, Person receiver) {
		return caller.manages(receiver) || connected(caller.id(), receiver.id())
				|| mentorshipPair(caller.id(), receiver.id()) || wroteTo(receiver.id(), caller.id());
	}

	boolean connected(long a, long b) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM user_connections
				WHERE user_low_id = :low AND user_high_id = :high AND status = 'ACCEPTED'""")
			.param("low", Math.min(a, b))
			.param("high", Math.max(a, b))
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the two are the mentor and mentee of a mentorship that is active or paused. */
	boolean mentorshipPair(long a, long b) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM mentorship_pairs
				WHERE ((mentor_id = :a AND mentee_id = :b) OR (mentor_id = :b AND mentee_id = :a))
				  AND status IN ('ACTIVE', 'PAUSED')""")
			.param("a", a)
			.param("b", b)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether {@code from} wrote to {@code to} (a manager's message may be answered). */
	boolean wroteTo(long from, long to) {
		return this.jdbc.sql("SELECT COUNT(*) FROM direct_messages WHERE sender_id = :from AND receiver_id = :to")
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single() > 0;
	}

	People people() {
		return this.people;
	}

	/** The people by id, in one batch. */
	java.util.Map<Long, Person> people(Collection<Long> ids) {
		return ids.isEmpty() ? java.util.Map.of() : this.people.summaries(List.copyOf(ids));
	}

}
