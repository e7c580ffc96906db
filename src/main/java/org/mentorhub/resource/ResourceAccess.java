package org.mentorhub.resource;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the library, in one place. Everything is within the reader's own institution (a
 * resource of another one is "not found"). Members see published resources; the uploader and the
 * institution's administrators and coordinators also see drafts, publish and unpublish them and
 * moderate comments. Administrators and coordinators add resources; mentors too when the institution
 * allows it ({@code resource_settings}).
 */
@Component
class ResourceAccess {

	/** The signed-in reader. */
	record Reader(long id, long institutionId, boolean admin, boolean moderator, boolean mentor) {
	}

	private final Tenancy tenancy;

	private final JdbcClient jdbc;

	ResourceAccess(Tenancy tenancy, JdbcClient jdbc) {
		this.tenancy = tenancy;
		this.jdbc = jdbc;
	}

	/** The reader; somebody of no institution (the platform administrator) has no library: 404. */
	Reader reader() {
		Actor actor = this.tenancy.actor();
		if (actor.institutionId() == null) {
			throw new NotFoundException("The library belongs to an institution.");
		}
		boolean admin = this.tenancy.hasRole("ADMIN");
		return new Reader(actor.id(), actor.institutionId(), admin, admin || this.tenancy.hasRole("COORDINATOR"),
				this.tenancy.hasRole("MENTOR"));
	}

	/** Whether the institution lets mentors add resources. */
	boolean mentorsMayAdd(long institutionId) {
		return this.jdbc.sql("SELECT mentors_may_add FROM resource_settings WHERE institution_id = :inst")
			.param("inst", institutionId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Whether the reader may add resources. */
	boolean mayAdd(Reader reader) {
		return reader.moderator() || (reader.mentor() && mentorsMayAdd(reader.institutionId()));
	}

	/** Whether the reader may see a resource of their institution in this state. */
	static boolean maySee(Reader reader, boolean published, Long uploaderId) {
		return published || reader.moderator() || (uploaderId != null && uploaderId == reader.id());
	}

	/** Whether the reader may publish, unpublish and manage the file of a resource. */
	static boolean mayManage(Reader reader, Long uploaderId) {
		return reader.moderator() || (uploaderId != null && uploaderId == reader.id());
	}

}
