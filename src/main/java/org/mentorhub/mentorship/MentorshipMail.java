package org.mentorhub.mentorship;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.platform.Mailer;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The mentorship life cycle's mail, sent by listeners after the transition commits: the mentor asked
 * by a mentee ({@link MentorshipRequested}), and the mentee whose choice was declined
 * ({@link MentorshipRejected}) or ran out of time ({@link MentorshipExpired}), with the next mentor
 * asked. Each listener runs in a transaction of its own with the event kept in the publication
 * registry, so a mail that fails (SMTP down) is sent again when the publication is resubmitted; names
 * and addresses come from identity's {@link People} facade when the mail is sent.
 */
@Component
class MentorshipMail {

	private final People people;

	private final Mailer mailer;

	private final MentorshipRepository mentorships;

	MentorshipMail(People people, Mailer mailer, MentorshipRepository mentorships) {
		this.people = people;
		this.mailer = mailer;
		this.mentorships = mentorships;
	}

	/** An e-mail to the mentor: who asks, their goal, and how long the mentor has to answer. */
	@ApplicationModuleListener
	void on(MentorshipRequested event) {
		Optional<Person> mentor = reachable(event.mentorId());
		if (mentor.isEmpty()) {
			return;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", mentor.get().fullName());
		model.put("menteeName", this.people.names(List.of(event.menteeId())).getOrDefault(event.menteeId(), "A mentee"));
		model.put("goal", this.mentorships.findById(event.mentorshipId()).map(Mentorship::getGoal).orElse(""));
		model.put("days", event.responseDays());
		model.put("mentorshipId", event.mentorshipId());
		this.mailer.deliver(mentor.get().email(), "A mentee asks you to be their mentor", "mentorship-request", model);
	}

	/** A mentee's ranked choice was declined: a polite e-mail, and who is asked next. */
	@ApplicationModuleListener
	void on(MentorshipRejected event) {
		if (event.rank() != null) {
			tellMentee(event.menteeId(), event.mentorId(), false, event.reason(), event.nextMentorId());
		}
	}

	/** A mentee's request ran out of time: a polite e-mail, and who is asked next. */
	@ApplicationModuleListener
	void on(MentorshipExpired event) {
		tellMentee(event.menteeId(), event.mentorId(), true, null, event.nextMentorId());
	}

	private void tellMentee(long menteeId, long mentorId, boolean expired, String reason, Long nextMentorId) {
		Optional<Person> mentee = reachable(menteeId);
		if (mentee.isEmpty()) {
			return;
		}
		List<Long> mentors = new ArrayList<>(List.of(mentorId));
		if (nextMentorId != null) {
			mentors.add(nextMentorId);
		}
		Map<Long, String> names = this.people.names(mentors);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", mentee.get().fullName());
		model.put("mentorName", names.get(mentorId));
		model.put("expired", expired);
		model.put("reason", reason == null ? "" : reason);
		model.put("nextMentorName", nextMentorId == null ? "" : names.getOrDefault(nextMentorId, ""));
		String subject = expired ? "Your mentoring request: no answer yet, so we moved on"
				: "Your mentoring request was not accepted this time";
		this.mailer.deliver(mentee.get().email(), subject, "mentorship-declined", model);
	}

	/** The account, if it is active and has an address to write to. */
	private Optional<Person> reachable(long userId) {
		return this.people.find(userId).filter(Person::active).filter(person -> person.email() != null);
	}

}
