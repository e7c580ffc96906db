package org.mentorhub.alert;

import java.util.EnumSet;
import java.util.List;

import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Persona;

/**
 * Matrix rows of the alert rules page and API. Rules belong to the caller's institution, so the rows
 * carry no record: administrators read, change and try them; coordinators only read them; everybody
 * else is refused. Each change names a kind that no other row saves, at version 0.
 */
public class AlertRuleMatrixRows implements Matrix.Rows {

	static final EnumSet<Persona> READERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR);

	@Override
	public List<Endpoint> rows() {
		return List.of(Endpoint.get("/alerts/rules").allow(READERS),
				Endpoint.get("/api/v1/alert-rules").allow(READERS),
				Endpoint.get("/api/v1/alert-rules/{kind}").uri(t -> "/api/v1/alert-rules/GPA_BELOW").allow(READERS),
				Endpoint.put("/api/v1/alert-rules/{kind}").uri(t -> "/api/v1/alert-rules/NO_SHOWS")
					.json("{\"enabled\":false,\"threshold\":3,\"windowWeeks\":5,\"version\":0}")
					.allow(Persona.ADMIN),
				Endpoint.post("/api/v1/alert-rules/{kind}/dry-run").uri(t -> "/api/v1/alert-rules/GPA_BELOW/dry-run")
					.json("{\"threshold\":2.5}")
					.allow(Persona.ADMIN),
				Endpoint.post("/alerts/rules/{kind}").uri(t -> "/alerts/rules/ATTENDANCE_BELOW")
					.form("threshold", "70", "severity", "WARN", "version", "0")
					.allow(Persona.ADMIN),
				Endpoint.post("/alerts/rules/{kind}/dry-run").uri(t -> "/alerts/rules/GPA_BELOW/dry-run")
					.form("threshold", "2.5", "severity", "WARN")
					.allow(Persona.ADMIN));
	}

}
