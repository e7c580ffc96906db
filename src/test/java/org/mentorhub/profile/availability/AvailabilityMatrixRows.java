package org.mentorhub.profile.availability;

import java.util.List;

import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.Matrix;

import static org.mentorhub.security.Matrix.Persona.SIGNED_IN;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of availability: everyone signed in reads and changes their own weekly slots and
 * absences, and nobody else's (the paths name no person; another's absence id answers 404).
 */
public class AvailabilityMatrixRows implements Matrix.Rows {

	/** An absence of the owner; the marker is its reason. */
	public static final Fixture ABSENCE = new Fixture() {

		@Override
		public Target plant(Matrix.World world, org.mentorhub.TestAccounts.Account owner, String marker) {
			world.jdbc()
				.sql("INSERT INTO availability_exceptions (user_id, starts_on, ends_on, reason) "
						+ "VALUES (:u, DATE '2026-07-01', DATE '2026-07-10', :reason)")
				.param("u", owner.id())
				.param("reason", marker)
				.update();
			long id = world.jdbc()
				.sql("SELECT id FROM availability_exceptions WHERE reason = :reason")
				.param("reason", marker)
				.query(Long.class)
				.single();
			return new Target(String.valueOf(id), marker);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			long left = world.jdbc()
				.sql("SELECT COUNT(*) FROM availability_exceptions WHERE id = :id")
				.param("id", Long.parseLong(target.id()))
				.query(Long.class)
				.single();
			return left == 1 ? null : "the absence was removed";
		}

	};

	@Override
	public List<Endpoint> rows() {
		String week = "{\"zone\":\"Europe/London\",\"slots\":[{\"day\":1,\"start\":\"09:00\",\"end\":\"10:00\"}]}";
		return List.of(Endpoint.get("/profile/availability").lists(ABSENCE).allow(SIGNED_IN, OWN),
				Endpoint.post("/profile/availability").form("zone", "Europe/London", "cells", "1-09:00")
					.allow(SIGNED_IN),
				Endpoint.post("/profile/availability/exceptions")
					.form("startsOn", "2026-09-01", "endsOn", "2026-09-02", "reason", "Matrix")
					.allow(SIGNED_IN),
				Endpoint.post("/profile/availability/exceptions/{id}/delete").on(ABSENCE).allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/availability/me").allow(SIGNED_IN),
				Endpoint.put("/api/v1/availability/me").json(week).allow(SIGNED_IN),
				Endpoint.get("/api/v1/availability/me/exceptions").lists(ABSENCE).allow(SIGNED_IN, OWN),
				Endpoint.post("/api/v1/availability/me/exceptions")
					.json("{\"startsOn\":\"2026-09-01\",\"endsOn\":\"2026-09-02\",\"reason\":\"Matrix\"}")
					.allow(SIGNED_IN),
				Endpoint.delete("/api/v1/availability/me/exceptions/{id}").on(ABSENCE).allow(SIGNED_IN, OWN));
	}

}
