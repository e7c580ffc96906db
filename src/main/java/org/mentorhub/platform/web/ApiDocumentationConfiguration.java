package org.mentorhub.platform.web;

import java.lang.reflect.Method;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.mentorhub.platform.PlatformProperties;
import org.mentorhub.platform.RateLimited;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Makes the OpenAPI document at {@code /v3/api-docs} a contract that clients can be generated from
 * (docs/api.md): the security schemes and where they apply, every problem answer an operation can
 * give (RFC 9457, {@code application/problem+json}), one tag per module, a stable {@code operationId}
 * per operation, a {@code Location} header on every 201, required properties of answers, and an info
 * block with the build's version. It works from the controllers as they are, so a new endpoint is
 * documented the same way without annotations of its own; {@code redocly lint} checks the result in
 * CI.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

	static final String BEARER = "bearerToken";

	static final String SESSION_COOKIE = "sessionCookie";

	static final String CSRF_HEADER = "csrfHeader";

	static final String PROBLEM = "ProblemDetail";

	static final String PROBLEM_JSON = "application/problem+json";

	/** Operation extensions that carry what only the handler method knows to the document pass. */
	private static final String ANONYMOUS = "x-mentorhub-anonymous";

	private static final String RATE_LIMITED = "x-mentorhub-rate-limited";

	/** The problem answers, by status: component name and description. */
	private static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put("400", new String[] { "BadRequest",
				"Invalid input: `detail` says what, `errors` lists each field with its message." });
		PROBLEMS.put("401", new String[] { "Unauthorized",
				"No valid token or session (`WWW-Authenticate: Bearer`)." });
		PROBLEMS.put("403", new String[] { "Forbidden",
				"Signed in, but not allowed: a missing permission or token scope, or a missing CSRF token." });
		PROBLEMS.put("404", new String[] { "NotFound",
				"No such record for the caller (records of other institutions, or that the caller may not see, "
						+ "do not exist for them)." });
		PROBLEMS.put("409", new String[] { "Conflict",
				"Not allowed in the record's current state, or a stale version (someone changed it since)." });
		PROBLEMS.put("413", new String[] { "ContentTooLarge", "The body or an uploaded file is too large." });
		PROBLEMS.put("415", new String[] { "UnsupportedMediaType", "The body is not of a type this operation reads." });
		PROBLEMS.put("429", new String[] { "TooManyRequests",
				"Rate limit reached: retry after the seconds in `Retry-After`." });
		PROBLEMS.put("500", new String[] { "InternalError",
				"An unexpected error; the answer carries no details (they are in the server's log)." });
	}

	/** Display names of the modules (the top-level package under org.mentorhub) that have an API. */
	private static final Map<String, String> MODULES = Map.of("identity", "Identity", "organization", "Organization",
			"profile", "Profile", "mentorship", "Mentorship", "session", "Session", "audit", "Audit", "calendar",
			"Calendar", "platform", "Platform");

	static {
		// springdoc calls a LocalDateTime a "date-time", which is RFC 3339 with an offset: a generated client
		// then fails on "2026-03-01T14:30:00" (found by GeneratedClientServerIntegrationTests).
		SpringDocUtils.getConfig()
			.replaceWithSchema(LocalDateTime.class, new StringSchema().pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$")
				.description("A local date and time, without offset (in the viewer's zone).")
				.example("2026-03-01T14:30:00"));
	}

	/** Module tag → feature (the controller's own {@code @Tag}) → its description. */
	private final Map<String, Map<String, String>> features = new ConcurrentHashMap<>();

	@Bean
	OpenAPI mentorHubOpenApi(ObjectProvider<BuildProperties> build, PlatformProperties platform) {
		BuildProperties properties = build.getIfAvailable();
		String version = properties == null ? "development" : properties.getVersion();
		Components components = new Components()
			.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("personal access token")
				.description("A personal access token (Account → Access tokens, or POST /api/v1/account/tokens "
						+ "from a signed-in session). Its scopes limit it: read (GET), write (other methods), admin."))
			.addSecuritySchemes(SESSION_COOKIE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.COOKIE)
				.name("SESSION")
				.description("The browser session of a signed-in user (what the pages use)."))
			.addSecuritySchemes(CSRF_HEADER, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.HEADER)
				.name("X-CSRF-TOKEN")
				.description("With the session cookie, every method but GET needs the session's CSRF token "
						+ "(the `_csrf` value of a page). Token calls need none."))
			.addSchemas(PROBLEM, problemSchema());
		PROBLEMS.forEach((status, problem) -> components.addResponses(problem[0],
				new ApiResponse().description(problem[1]).content(problemContent())));
		return new OpenAPI().info(new Info().title("MentorHub API")
			.version(version)
			.description("The REST API of MentorHub, an open-source mentoring platform for companies and universities. "
					+ "Every answer that is not a success is RFC 9457 problem JSON (`application/problem+json`).")
			.contact(new Contact().name("MentorHub").url(platform.baseUrl().toString()))
			.license(new License().name("Apache-2.0").identifier("Apache-2.0")))
			.components(components)
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(SESSION_COOKIE));
	}

	/** What only the handler method knows: module tag, operation id, anonymous and rate-limited. */
	@Bean
	OperationCustomizer mentorHubOperations() {
		return (operation, handler) -> {
			Class<?> controller = handler.getBeanType();
			Method method = handler.getMethod();
			String module = moduleOf(controller);
			io.swagger.v3.oas.annotations.tags.Tag feature = AnnotatedElementUtils.findMergedAnnotation(controller,
					io.swagger.v3.oas.annotations.tags.Tag.class);
			if (feature != null) {
				this.features.computeIfAbsent(module, m -> new ConcurrentHashMap<>())
					.merge(feature.name(), feature.description(), (a, b) -> a.length() >= b.length() ? a : b);
			}
			operation.setTags(new ArrayList<>(List.of(module)));
			io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(method,
					io.swagger.v3.oas.annotations.Operation.class);
			if (declared == null || declared.operationId().isEmpty()) {
				operation.setOperationId(operationId(controller, method));
			}
			SecurityRequirements requirements = AnnotatedElementUtils.findMergedAnnotation(method,
					SecurityRequirements.class);
			if (requirements != null && requirements.value().length == 0) {
				operation.addExtension(ANONYMOUS, true);
			}
			if (AnnotatedElementUtils.hasAnnotation(method, RateLimited.class)
					|| AnnotatedElementUtils.hasAnnotation(controller, RateLimited.class)) {
				operation.addExtension(RATE_LIMITED, true);
			}
			return operation;
		};
	}

	/** The document-wide rules: security, problem answers, content types, Location, tags, required. */
	@Bean
	OpenApiCustomizer mentorHubContract() {
		return openApi -> {
			if (openApi.getPaths() != null) {
				openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> contract(path, method, operation)));
			}
			openApi.setTags(moduleTags());
			markAnswersRequired(openApi);
		};
	}

	private void contract(String path, PathItem.HttpMethod method, Operation operation) {
		Map<String, Object> extensions = operation.getExtensions() == null ? Map.of() : operation.getExtensions();
		boolean anonymous = Boolean.TRUE.equals(extensions.get(ANONYMOUS));
		boolean rateLimited = Boolean.TRUE.equals(extensions.get(RATE_LIMITED));
		if (operation.getExtensions() != null) {
			operation.getExtensions().remove(ANONYMOUS);
			operation.getExtensions().remove(RATE_LIMITED);
			if (operation.getExtensions().isEmpty()) {
				operation.setExtensions(null);
			}
		}
		boolean safe = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
		if (anonymous) {
			operation.setSecurity(new ArrayList<>());
		}
		else if (!safe) {
			operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER),
					new SecurityRequirement().addList(SESSION_COOKIE).addList(CSRF_HEADER))));
		}
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		responses.forEach((status, response) -> {
			if (response.getContent() != null && response.getContent().containsKey("*/*")) {
				MediaType any = response.getContent().remove("*/*");
				response.getContent().addMediaType(status.startsWith("2") ? "application/json" : PROBLEM_JSON, any);
			}
			if ("201".equals(status) && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
				response.addHeaderObject("Location", new Header().required(true)
					.description("The address of the new record.")
					.schema(new StringSchema().format("uri-reference")));
			}
		});
		boolean input = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		boolean body = operation.getRequestBody() != null;
		problem(responses, "400", input);
		problem(responses, "401", !anonymous);
		problem(responses, "403", !anonymous || !safe);
		problem(responses, "404", path.contains("{"));
		problem(responses, "409", !safe && !anonymous);
		problem(responses, "413", body);
		problem(responses, "415", body);
		problem(responses, "429", anonymous || rateLimited);
		problem(responses, "500", true);
		operation.setResponses(responses);
	}

	private static void problem(ApiResponses responses, String status, boolean applies) {
		if (applies && !responses.containsKey(status)) {
			responses.addApiResponse(status,
					new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status)[0]));
		}
	}

	private List<Tag> moduleTags() {
		List<Tag> tags = new ArrayList<>();
		new TreeMap<>(this.features).forEach((module, features) -> {
			StringBuilder description = new StringBuilder();
			new TreeMap<>(features).forEach((name, text) -> description.append("- **")
				.append(name)
				.append("**")
				.append(StringUtils.hasText(text) ? ": " + text : "")
				.append('\n'));
			tags.add(new Tag().name(module).description(description.toString().strip()));
		});
		return tags;
	}

	/**
	 * Every property of a schema that only answers use is present in each answer (Jackson writes all
	 * of a record's components, null or not), so it is required there. Request schemas declare their
	 * own required properties ({@code @Schema(requiredMode = REQUIRED)}).
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void markAnswersRequired(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
				|| openApi.getPaths() == null) {
			return;
		}
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		Set<String> requested = new HashSet<>();
		Set<String> answered = new HashSet<>();
		openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
			if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
				operation.getRequestBody().getContent().values().forEach(media -> reach(media.getSchema(), schemas, requested));
			}
			if (operation.getResponses() != null) {
				operation.getResponses().values().forEach(response -> {
					if (response.getContent() != null) {
						response.getContent().values().forEach(media -> reach(media.getSchema(), schemas, answered));
					}
				});
			}
		}));
		answered.removeAll(requested);
		answered.remove(PROBLEM);
		for (String name : answered) {
			Schema<?> schema = schemas.get(name);
			if (schema != null && schema.getProperties() != null && schema.getRequired() == null) {
				schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
			}
		}
	}

	@SuppressWarnings("rawtypes")
	private static void reach(Schema<?> start, Map<String, Schema> schemas, Set<String> found) {
		Deque<Schema<?>> todo = new ArrayDeque<>();
		if (start != null) {
			todo.add(start);
		}
		while (!todo.isEmpty()) {
			Schema<?> schema = todo.pop();
			if (schema.get$ref() != null) {
				String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
				if (found.add(name) && schemas.get(name) != null) {
					todo.add(schemas.get(name));
				}
				continue;
			}
			if (schema.getItems() != null) {
				todo.add(schema.getItems());
			}
			if (schema.getProperties() != null) {
				schema.getProperties().values().forEach(todo::add);
			}
			if (schema.getAdditionalProperties() instanceof Schema<?> values) {
				todo.add(values);
			}
			for (List<Schema> parts : new List[] { schema.getAllOf(), schema.getOneOf(), schema.getAnyOf() }) {
				if (parts != null) {
					parts.forEach(part -> todo.add(part));
				}
			}
		}
	}

	static String moduleOf(Class<?> controller) {
		String name = controller.getPackageName();
		String prefix = "org.mentorhub.";
		String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
		String module = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
		return MODULES.getOrDefault(module, StringUtils.capitalize(module));
	}

	/**
	 * A stable, unique id: the controller's name without {@code RestController}, then the method's,
	 * such as {@code sessionNoteList} for {@code SessionNoteRestController.list}.
	 */
	static String operationId(Class<?> controller, Method method) {
		String base = controller.getSimpleName().replace("RestController", "");
		return base.substring(0, 1).toLowerCase(Locale.ROOT) + base.substring(1)
				+ StringUtils.capitalize(method.getName());
	}

	private static Schema<?> problemSchema() {
		Schema<Object> error = new ObjectSchema().addProperty("field", new StringSchema().description("The input's name."))
			.addProperty("message", new StringSchema().description("What is wrong with it, for a person to read."));
		error.setRequired(List.of("field", "message"));
		Schema<Object> problem = new ObjectSchema()
			.description("An RFC 9457 problem: every answer that is not a success.")
			.addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
			.addProperty("title", new StringSchema().example("Invalid request"))
			.addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
				.maximum(java.math.BigDecimal.valueOf(599)))
			.addProperty("detail", new StringSchema().description("What went wrong, for a person to read."))
			.addProperty("instance", new StringSchema().format("uri-reference").description("The request's path."))
			.addProperty("errors", new ArraySchema().items(error).description("With 400: each invalid field."));
		problem.setRequired(List.of("type", "title", "status"));
		return problem;
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

}
