package org.mentorhub.identity.sso;

import java.util.List;

import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Persona;

/**
 * Matrix rows of the single sign-on settings: the page and the API are the institution
 * administrators' only; everyone else (a platform administrator has no institution) is refused.
 */
public class SingleSignOnMatrixRows implements Matrix.Rows {

	static final String JSON = """
			{"enabled":false,"providerName":"Matrix provider","issuerUri":"https://login.example.org/realm",
			 "clientId":"matrix-client","allowedDomains":["matrix.example.org"],"unknownUsers":"REFUSE",
			 "passwordSignIn":true}""";

	@Override
	public List<Endpoint> rows() {
		return List.of(Endpoint.get("/admin/sso").allow(Persona.ADMIN),
				Endpoint.post("/admin/sso")
					.allow(Persona.ADMIN)
					.form("enabled", "false", "providerName", "Matrix provider", "issuerUri",
							"https://login.example.org/realm", "clientId", "matrix-client", "allowedDomains",
							"matrix.example.org", "unknownUsers", "REFUSE", "passwordSignIn", "true"),
				Endpoint.get("/api/v1/single-sign-on").allow(Persona.ADMIN),
				Endpoint.put("/api/v1/single-sign-on").allow(Persona.ADMIN).json(JSON));
	}

}
