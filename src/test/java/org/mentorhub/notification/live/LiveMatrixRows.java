package org.mentorhub.notification.live;

import java.util.List;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;

import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the live streams: every signed-in person gets a stream of their own notifications
 * only. Each call resumes after the id just before the planted notification, so the answer holds the
 * notification (its title is the marker) exactly when it is the caller's own.
 */
public class LiveMatrixRows implements Matrix.Rows {

	/** A notification of the owner whose title is the marker. */
	static final Fixture NOTIFICATION = (Matrix.World world, Account owner, String marker) -> new Target(
			String.valueOf(LiveFixtures.notify(world.jdbc(), owner, marker)), marker);

	static String resumingBefore(String path, Target target) {
		return path + "?lastEventId=" + (Long.parseLong(target.id()) - 1);
	}

	@Override
	public List<Endpoint> rows() {
		return List.of(
				Endpoint.get("/notifications/stream").lists(NOTIFICATION)
					.uri(target -> resumingBefore("/notifications/stream", target))
					.allow(Persona.SIGNED_IN, OWN),
				Endpoint.get("/api/v1/notifications/stream").lists(NOTIFICATION)
					.uri(target -> resumingBefore("/api/v1/notifications/stream", target))
					.allow(Persona.SIGNED_IN, OWN));
	}

}
