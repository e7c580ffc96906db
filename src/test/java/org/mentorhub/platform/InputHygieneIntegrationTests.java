package org.mentorhub.platform;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile text in every input of every handler mapping (docs/security.md, "Input hygiene"): NUL,
 * CR/LF and broken percent-encodings in each query parameter, NUL in each form field, JSON string
 * field and uploaded file name, and NUL in the path. Each answer must be a 4xx, never a 2xx that
 * stored the text, a 3xx (but a visitor's redirect to the sign-in page) or a 500. The walk reads the handler methods, so endpoints added later are
 * covered without touching this class. It runs on H2 and, in CI, on PostgreSQL (where a NUL reaching
 * a query fails) and MariaDB.
 */
@MentorHubIntegrationTest
class InputHygieneIntegrationTests {

	/** Single-line query values: NUL, CR/LF (log forging), a bell and a C1 control. */
	static final List<String> BAD_QUERY_VALUES = List.of("a\u0000b", "a\r\nFORGED line", "a\u0007", "a\u0085b",
			"a\u2028b");

	/** Raw query values whose percent-encoding is broken or not UTF-8. */
	static final List<String> BAD_ENCODINGS = List.of("%zz", "%", "%C0%AE", "%E2%82", "%FF");

	/** Multi-line text may hold tab, CR and LF, but never NUL or another control. */
	static final List<String> BAD_TEXT = List.of("a\u0000b", "a\u001bb");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	/** The inputs of one handler method on one route. */
	record Endpoint(HttpMethod method, String pattern, Set<String> queryParams, Set<String> formFields,
			Set<String> jsonFields, Set<String> files, boolean pathVariables) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	static List<Endpoint> endpoints(ApplicationContext context) {
		List<Endpoint> endpoints = new ArrayList<>();
		DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				Set<String> query = new LinkedHashSet<>();
				Set<String> form = new LinkedHashSet<>();
				Set<String> json = new LinkedHashSet<>();
				Set<String> files = new LinkedHashSet<>();
				boolean pathVariables = false;
				for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
					parameter.initParameterNameDiscovery(names);
					Class<?> type = parameter.getParameterType();
					RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
					RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
					if (MultipartFile.class.isAssignableFrom(type)) {
						files.add(nameOf(param == null ? null : param.name(), part == null ? null : part.name(), parameter));
					}
					else if (parameter.hasParameterAnnotation(PathVariable.class)) {
						pathVariables = true;
					}
					else if (parameter.hasParameterAnnotation(RequestBody.class)) {
						json.addAll(stringComponents(type));
					}
					else if (Pageable.class.isAssignableFrom(type)) {
						query.add("sort");
					}
					else if (param != null || (BeanUtils.isSimpleValueType(type) && parameter.getParameterName() != null
							&& !parameter.hasParameterAnnotations())) {
						if (!Map.class.isAssignableFrom(type)) {
							query.add(nameOf(param == null ? null : param.name(), null, parameter));
						}
					}
					else if (type.isRecord() || parameter.hasParameterAnnotation(ModelAttribute.class)) {
						form.addAll(stringComponents(type));
					}
				}
				Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					methods = Set.of(RequestMethod.GET, RequestMethod.POST);
				}
				for (String pattern : entry.getKey().getPatternValues()) {
					for (RequestMethod method : methods) {
						endpoints.add(new Endpoint(method.asHttpMethod(), pattern, query, form, json, files, pathVariables));
					}
				}
			}
		}
		return endpoints;
	}

	static String nameOf(String param, String part, MethodParameter parameter) {
		if (param != null && !param.isEmpty()) {
			return param;
		}
		if (part != null && !part.isEmpty()) {
			return part;
		}
		return parameter.getParameterName();
	}

	static List<String> stringComponents(Class<?> type) {
		List<String> strings = new ArrayList<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getType() == String.class) {
					strings.add(component.getName());
				}
			}
		}
		return strings;
	}

	@Test
	void theWalkFindsTheInputsThatTheProbeUsed() {
		List<Endpoint> endpoints = endpoints(this.context);

		assertThat(endpoints).anySatisfy(e -> assertThat(e.toString()).isEqualTo("GET /api/v1/users"))
			.filteredOn(e -> e.toString().equals("GET /api/v1/users"))
			.allSatisfy(e -> assertThat(e.queryParams()).contains("query", "sort"));
		assertThat(endpoints).filteredOn(e -> e.toString().equals("POST /api/v1/account/password-reset-requests"))
			.singleElement()
			.satisfies(e -> assertThat(e.jsonFields()).contains("email"));
		assertThat(endpoints).filteredOn(e -> !e.files().isEmpty()).isNotEmpty();
		assertThat(endpoints).filteredOn(e -> !e.formFields().isEmpty()).isNotEmpty();
	}

	@Test
	void everyTextInputOfEveryRouteRefusesControlCharactersAndBrokenEncodingsWith4xx() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Account mentee = college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		List<UserDetails> everyone = new ArrayList<>();
		everyone.add(this.users.loadUserByUsername(admin.email()));
		everyone.add(this.users.loadUserByUsername(mentee.email()));
		everyone.add(null);

		List<String> wrong = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints(this.context)) {
			String path = HandlerRoutes.concrete(endpoint.pattern());
			List<Probe> probes = new ArrayList<>();
			for (String name : endpoint.queryParams()) {
				for (String value : BAD_QUERY_VALUES) {
					probes.add(new Probe("query " + name + "=" + escaped(value), base(endpoint, path),
							request -> request.queryParam(name, value)));
				}
				for (String raw : BAD_ENCODINGS) {
					probes.add(new Probe("query " + name + "=" + raw, base(endpoint, path), request -> request.with(r -> {
						r.setQueryString(name + "=" + raw);
						return r;
					})));
				}
			}
			for (String name : endpoint.formFields()) {
				for (String value : BAD_TEXT) {
					probes.add(new Probe("field " + name + "=" + escaped(value), base(endpoint, path),
							request -> request.contentType(MediaType.APPLICATION_FORM_URLENCODED).param(name, value)));
				}
			}
			if (!endpoint.jsonFields().isEmpty()) {
				for (String value : BAD_TEXT) {
					StringBuilder json = new StringBuilder("{");
					for (String field : endpoint.jsonFields()) {
						json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":\"")
							.append(String.format("a\\u%04xb", (int) value.charAt(1))).append('"');
					}
					String body = json.append('}').toString();
					probes.add(new Probe("JSON " + body, base(endpoint, path),
							request -> request.contentType(MediaType.APPLICATION_JSON).content(body)));
				}
			}
			for (String name : endpoint.files()) {
				for (String fileName : List.of("a\u0000.png", "a\r\n.csv", "n".repeat(300) + ".csv")) {
					Supplier<MockMultipartHttpServletRequestBuilder> upload = () -> multipart(endpoint.method(), URI.create(path))
						.file(new MockMultipartFile(name, fileName, "text/csv", "email\n".getBytes(StandardCharsets.UTF_8)));
					probes.add(new Probe("file name " + escaped(fileName), upload, request -> {
					}));
				}
			}
			if (endpoint.pathVariables()) {
				String nul = endpoint.pattern().replaceFirst("\\{[^}]+}", "a%00b").replaceAll("\\{[^}]+}", "1");
				probes.add(new Probe("path " + nul, () -> request(endpoint.method(), URI.create(nul)), request -> {
				}));
			}
			for (Probe probe : probes) {
				for (UserDetails who : everyone) {
					AbstractMockHttpServletRequestBuilder<?> request = probe.fresh();
					probe.shape().accept(request);
					if (!endpoint.method().equals(HttpMethod.GET)) {
						request.with(csrf());
					}
					if (who != null) {
						request.with(user(who));
					}
					String status;
					try {
						MvcResult result = this.mvc.perform(request.accept(MediaType.APPLICATION_JSON)).andReturn();
						int code = result.getResponse().getStatus();
						// A visitor sent to the sign-in page was refused before anything was parsed, too.
						boolean toSignIn = who == null && code == 302
								&& "/login".equals(result.getResponse().getRedirectedUrl());
						status = (code >= 400 && code < 500) || toSignIn ? null : String.valueOf(code);
					}
					catch (ServletException | RuntimeException ex) {
						status = "threw " + ex.getClass().getSimpleName();
					}
					sent++;
					if (status != null) {
						wrong.add(endpoint + " " + probe.what() + (who == null ? " (anonymous)" : " as " + who.getUsername())
								+ " -> " + status);
					}
				}
			}
		}

		assertThat(sent).as("hostile requests sent").isGreaterThan(500);
		assertThat(wrong).as("hostile inputs answered with something else than 4xx").isEmpty();
	}

	/** One hostile request: how it is built afresh for each user, and what it carries. */
	record Probe(String what, Supplier<? extends AbstractMockHttpServletRequestBuilder<?>> builder,
			Consumer<AbstractMockHttpServletRequestBuilder<?>> shape) {

		/** Builders are mutable: each user gets a new one. */
		AbstractMockHttpServletRequestBuilder<?> fresh() {
			return this.builder.get();
		}

	}

	static Supplier<MockHttpServletRequestBuilder> base(Endpoint endpoint, String path) {
		return () -> request(endpoint.method(), URI.create(path));
	}

	static String escaped(String text) {
		return text.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
	}

	@Test
	void aNulInTheAnonymousPasswordResetRequestIsAClear400() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/v1/account/password-reset-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"someone\\u0000@example.org\"}")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("The JSON field 'email' contains a control character")
			.contains("\"instance\":\"/api/v1/account/password-reset-requests\"");
	}

	@Test
	void aNulInASearchIsAClear400AndAnAdminsBrokenSortToo() throws Exception {
		Account admin = aUniversity().build(this.jdbc).anAdmin().create(this.jdbc);
		UserDetails who = this.users.loadUserByUsername(admin.email());

		MvcResult nul = this.mvc.perform(get("/api/v1/users").queryParam("query", "a\u0000").with(user(who))).andReturn();
		MvcResult sort = this.mvc.perform(get("/api/v1/users").with(r -> {
			r.setQueryString("sort=%25zz%0d%0aFORGED");
			r.addParameter("sort", "%zz\r\nFORGED");
			return r;
		}).with(user(who))).andReturn();
		MvcResult percent = this.mvc.perform(get("/api/v1/users").queryParam("sort", "%zz").with(user(who))).andReturn();

		assertThat(nul.getResponse().getStatus()).isEqualTo(400);
		assertThat(nul.getResponse().getContentAsString()).contains("The parameter 'query' contains a control character");
		assertThat(sort.getResponse().getStatus()).isEqualTo(400);
		assertThat(percent.getResponse().getStatus()).isEqualTo(400);
		assertThat(percent.getResponse().getContentAsString()).contains("'sort' has a broken percent-encoding");
	}

	@Test
	void multiLineTextKeepsItsLineBreaks() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/v1/account/password-reset-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"line one\\r\\nline\\ttwo\\u2028three@example.org\"}")).andReturn();

		// The address itself is no e-mail address (400 from validation), but the line breaks were let through.
		assertThat(result.getResponse().getContentAsString()).doesNotContain("control character");
	}

}
