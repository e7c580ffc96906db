package org.mentorhub.security;

import java.util.List;

import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Relation;
import org.mentorhub.security.Matrix.Target;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.mentorhub.security.Matrix.Persona.EVERYONE;
import static org.mentorhub.security.Matrix.Persona.SIGNED_IN;

/** Matrix rows of the foundation: sign-in, home, "who am I", the mail outbox, error pages, OpenAPI, the style guide. */
public class FoundationMatrixRows implements Matrix.Rows {

	/** A mail in the development outbox, addressed to the owner; its subject carries the marker. */
	public static final Fixture OUTBOX_MAIL = (world, owner, marker) -> {
		KeyHolder keys = new GeneratedKeyHolder();
		world.jdbc()
			.sql("INSERT INTO outbox_mails (recipient, subject, body_text) VALUES (:to, :subject, :body)")
			.param("to", owner.email())
			.param("subject", "Matrix " + marker)
			.param("body", "Matrix probe " + marker)
			.update(keys, "id");
		return new Target(String.valueOf(keys.getKeyAs(Number.class).longValue()), marker);
	};

	@Override
	public List<Endpoint> rows() {
		Relation[] anyone = Relation.values();
		return List.of(
				Endpoint.get("/login").allow(EVERYONE),
				Endpoint.get("/").allow(SIGNED_IN),
				Endpoint.get("/api/v1/me").allow(SIGNED_IN),
				// The development outbox holds everybody's single-use links: the platform administrator only.
				Endpoint.get("/platform/outbox").lists(OUTBOX_MAIL).allow(Persona.PLATFORM_ADMIN, anyone),
				Endpoint.get("/platform/outbox/{id}").on(OUTBOX_MAIL).allow(Persona.PLATFORM_ADMIN, anyone),
				Endpoint.exempt("*", "/error", "Error dispatch target: it renders the status of a failed request "
						+ "(ErrorHandlingIntegrationTests) and holds no records."),
				// springdoc: the OpenAPI description is public, like the login page.
				Endpoint.get("/v3/api-docs").allow(EVERYONE),
				// Only /v3/api-docs and /v3/api-docs/** are public in SecurityConfiguration; the YAML form
				// needs a sign-in.
				Endpoint.get("/v3/api-docs.yaml").allow(SIGNED_IN),
				Endpoint.get("/v3/api-docs/swagger-config").allow(EVERYONE),
				Endpoint.get("/swagger-ui.html").allow(EVERYONE),
				// The living style guide (on with the demo, as in the tests): made-up values, for anybody signed in.
				Endpoint.get("/dev/ui").allow(SIGNED_IN));
	}

}
