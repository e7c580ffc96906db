package org.mentorhub.mentorship;

import java.util.Optional;
import java.util.Set;

import org.mentorhub.attachment.AttachmentParent;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.stereotype.Component;

/**
 * The files of a mentorship, by this module's rules ({@link Mentorships#get}): its mentor and mentee see
 * them and add them while the mentorship is not over; the coordinators of its department and the
 * administrators of its institution see them (audited) and may delete them. Mentorships are never
 * deleted (they end), so their files stay with them.
 */
@Component
class MentorshipAttachments implements AttachmentParent {

	private final Mentorships mentorships;

	private final Tenancy tenancy;

	MentorshipAttachments(Mentorships mentorships, Tenancy tenancy) {
		this.mentorships = mentorships;
		this.tenancy = tenancy;
	}

	@Override
	public Set<RelatedType> types() {
		return Set.of(RelatedType.MENTORSHIP);
	}

	@Override
	public Optional<Access> access(RelatedType type, long relatedId) {
		MentorshipView m;
		try {
			m = this.mentorships.get(relatedId);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		long me = this.tenancy.actor().id();
		boolean participant = m.mentorId() == me || m.menteeId() == me;
		boolean open = m.status() != MentorshipStatus.ENDED && m.status() != MentorshipStatus.REJECTED
				&& m.status() != MentorshipStatus.WITHDRAWN && m.status() != MentorshipStatus.EXPIRED;
		// Anyone but the mentee reading the mentorship's files (the mentor too, as for a session's files) is a
		// disclosure in the mentee's log.
		return Optional.of(new Access(m.institutionId(), participant && open, !participant, m.menteeId() != me,
				"/mentorships/" + m.id(), m.mentorName() + " · " + m.menteeName(), m.menteeId()));
	}

}
