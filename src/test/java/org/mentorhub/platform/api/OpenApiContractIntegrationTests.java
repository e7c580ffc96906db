package org.mentorhub.platform.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The OpenAPI document is a contract (docs/api.md): the served one is written to
 * {@code target/openapi.json}, which CI lints with {@code redocly lint} (redocly.yaml); it must equal
 * the committed {@code docs/openapi.json}, from which the build generates the test client
 * ({@link GeneratedClientServerIntegrationTests}); and the rules that a linter cannot know are
 * checked on it here.
 */
@MentorHubIntegrationTest
class OpenApiContractIntegrationTests {

	/** Where CI's lint step and docs/api.md expect the document. */
	static final Path DOCUMENT = Path.of("target", "openapi.json");

	/** The committed contract: the served document without its servers (they are the deployment's). */
	static final Path CONTRACT = Path.of("docs", "openapi.json");

	/** What the contract would be now, to review and copy over it when the API changed on purpose. */
	static final Path NEW_CONTRACT = Path.of("target", "openapi-contract.json");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	Map<String, Object> document;

	List<Op> operations;

	record Op(String method, String path, Map<String, Object> operation) {

		@SuppressWarnings("unchecked")
		Map<String, Object> responses() {
			return (Map<String, Object>) this.operation.get("responses");
		}

		boolean anonymous() {
			return List.of().equals(this.operation.get("security"));
		}

		@Override
		public String toString() {
			return this.method.toUpperCase() + " " + this.path;
		}

	}

	@BeforeEach
	@SuppressWarnings("unchecked")
	void readTheDocument() throws Exception {
		String text = this.mvc.perform(get("/v3/api-docs"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		this.document = this.json.readValue(text, Map.class);
		Files.createDirectories(DOCUMENT.getParent());
		Files.writeString(DOCUMENT, this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.document));
		this.operations = new ArrayList<>();
		((Map<String, Map<String, Object>>) this.document.get("paths")).forEach((path, item) -> item
			.forEach((method, operation) -> this.operations.add(new Op(method, path, (Map<String, Object>) operation))));
	}

	@Test
	void theCommittedContractIsTheServedDocument() throws Exception {
		Map<String, Object> served = new LinkedHashMap<>(this.document);
		served.remove("servers");
		String expected = this.json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
		Files.writeString(NEW_CONTRACT, expected);
		assertThat(this.json.readTree(Files.readString(CONTRACT)))
			.as("The API changed: review `diff %s %s`, then copy the new one over docs/openapi.json (the test client "
					+ "is generated from it)", CONTRACT, NEW_CONTRACT)
			.isEqualTo(this.json.readTree(expected));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDocumentSaysWhatItIsAndHowToAuthenticate() {
		Map<String, Object> info = (Map<String, Object>) this.document.get("info");
		assertThat(info.get("title")).isEqualTo("MentorHub API");
		assertThat(info.get("version")).isNotIn("v0", null, "");
		assertThat((Map<String, Object>) info.get("contact")).containsKey("url");
		Map<String, Object> components = (Map<String, Object>) this.document.get("components");
		assertThat((Map<String, Object>) components.get("securitySchemes")).containsOnlyKeys("bearerToken",
				"sessionCookie", "csrfHeader");
		assertThat((List<Object>) this.document.get("security")).isNotEmpty();
		assertThat((Map<String, Object>) components.get("schemas")).containsKey("ProblemDetail");
		assertThat(this.operations).hasSizeGreaterThan(100);
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyOperationHasOneModuleTagAStableUniqueIdAndNoWildcardContent() {
		Set<String> declared = new HashSet<>();
		for (Map<String, Object> tag : (List<Map<String, Object>>) this.document.get("tags")) {
			assertThat(declared.add((String) tag.get("name"))).as("tag %s declared once", tag.get("name")).isTrue();
		}
		Set<String> ids = new HashSet<>();
		for (Op op : this.operations) {
			assertThat((List<String>) op.operation().get("tags")).as("%s", op).hasSize(1).allMatch(declared::contains);
			String id = (String) op.operation().get("operationId");
			assertThat(id).as("%s", op).matches("[a-z][A-Za-z0-9]+").doesNotContain("_");
			assertThat(ids.add(id)).as("operationId %s of %s is unique", id, op).isTrue();
		}
		assertThat(this.json.writeValueAsString(this.document)).doesNotContain("\"*/*\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyOperationDocumentsItsProblemsAndEveryCreationItsLocation() {
		for (Op op : this.operations) {
			Map<String, Object> responses = op.responses();
			assertThat(responses).as("%s", op).containsKey("500");
			if (!op.anonymous()) {
				assertThat(responses).as("%s", op).containsKeys("401", "403");
			}
			if (op.path().contains("{")) {
				assertThat(responses).as("%s", op).containsKey("404");
			}
			if (op.operation().containsKey("requestBody")) {
				assertThat(responses).as("%s", op).containsKeys("400", "413", "415");
			}
			if (responses.containsKey("201")) {
				Map<String, Object> created = (Map<String, Object>) responses.get("201");
				assertThat((Map<String, Object>) created.get("headers")).as("%s", op).containsKey("Location");
			}
			responses.forEach((status, response) -> {
				if (status.startsWith("4") || status.startsWith("5")) {
					Map<String, Object> answer = (Map<String, Object>) response;
					assertThat((String) answer.get("$ref")).as("%s %s", op, status).startsWith("#/components/responses/");
				}
			});
		}
		Map<String, Map<String, Object>> problems = (Map<String, Map<String, Object>>) ((Map<String, Object>) this.document
			.get("components")).get("responses");
		assertThat(problems.values()).allSatisfy(problem -> assertThat(
				(Map<String, Object>) problem.get("content")).containsOnlyKeys("application/problem+json"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void creationsAreDocumentedAs201() {
		// What each answers is tested in its module (POST /api/v1/sessions in SessionWorkflowIntegrationTests...).
		List<String> creations = List.of("/api/v1/sessions", "/api/v1/sessions/{id}/notes",
				"/api/v1/sessions/{id}/action-items", "/api/v1/sessions/{id}/feedback", "/api/v1/departments",
				"/api/v1/institutions", "/api/v1/availability/me/exceptions", "/api/v1/user-imports",
				"/api/v1/academic-imports", "/api/v1/mentorships/requests", "/api/v1/mentorships/proposals",
				"/api/v1/users/invitations", "/api/v1/account/tokens", "/api/v1/calendar/feed");
		for (String path : creations) {
			Op post = this.operations.stream()
				.filter(op -> op.method().equals("post") && op.path().equals(path))
				.findFirst()
				.orElseThrow();
			assertThat(post.responses()).as("%s", post).containsKey("201").doesNotContainKey("200");
		}
	}

	/**
	 * springdoc names a schema by the class's simple name: two request or answer types of one name
	 * would silently become one schema, unless one carries {@code @Schema(name = ...)}.
	 */
	@Test
	void noTwoBodyTypesShareASchemaName() {
		Map<String, Class<?>> byName = new HashMap<>();
		this.handlers.getHandlerMethods().values().forEach(handler -> {
			List<Class<?>> types = new ArrayList<>();
			types.add(ResolvableType.forMethodReturnType(handler.getMethod()).resolveGeneric(0));
			types.add(handler.getMethod().getReturnType());
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					types.add(parameter.getParameterType());
				}
			}
			types.stream().filter(type -> type != null && type.isRecord()).forEach(type -> {
				Schema schema = type
					.getAnnotation(Schema.class);
				String name = schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
				Class<?> other = byName.putIfAbsent(name, type);
				assertThat(other == null || other == type).as("%s and %s are both schema %s", other, type, name).isTrue();
			});
		});
		assertThat(byName).isNotEmpty();
	}

	/**
	 * The document's security matches the filter chain: an operation documented {@code security: []}
	 * answers a caller without credentials, and every other one refuses them.
	 */
	@Test
	void theDocumentedSecurityIsTheFilterChains() throws Exception {
		for (Op op : this.operations) {
			String uri = op.path().replaceAll("\\{[^}]+}", "1");
			int status = this.mvc
				.perform(request(HttpMethod.valueOf(op.method().toUpperCase()), uri)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{}"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (op.anonymous()) {
				assertThat(status).as("%s without credentials", op).isNotIn(401, 403);
			}
			else {
				assertThat(status).as("%s without credentials", op).isIn(401, 403);
			}
		}
	}

}
