package org.mentorhub.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the application answers, read from its handler mappings (controllers, actuator,
 * OpenAPI) so that tests walking them cover endpoints added later without being told. Path
 * variables become {@code 1}; wildcards become {@code x}.
 */
final class HandlerRoutes {

	/** The methods that may change state and so need a CSRF token. */
	static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

	/** Routes handled by Spring Security's filters rather than a controller. */
	static final List<Route> FILTER_ROUTES = List.of(new Route(HttpMethod.POST, "/login", "/login"),
			new Route(HttpMethod.POST, "/logout", "/logout"));

	/** One method on one path: the pattern as mapped, and a concrete path to request. */
	record Route(HttpMethod method, String pattern, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	private HandlerRoutes() {
	}

	/** All mapped routes, sorted; a mapping without a method restriction counts for every method. */
	static List<Route> all(ApplicationContext context) {
		Set<Route> routes = new TreeSet<>(Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
							RequestMethod.DELETE);
				}
				for (String pattern : info.getPatternValues()) {
					for (RequestMethod method : methods) {
						routes.add(new Route(method.asHttpMethod(), pattern, concrete(pattern)));
					}
				}
			}
		}
		return new ArrayList<>(routes);
	}

	/** The GET routes. */
	static List<Route> gets(ApplicationContext context) {
		return all(context).stream().filter(route -> route.method() == HttpMethod.GET).toList();
	}

	/** The unsafe routes, the filter-handled ones included. */
	static List<Route> unsafe(ApplicationContext context) {
		List<Route> routes = new ArrayList<>(FILTER_ROUTES);
		all(context).stream().filter(route -> UNSAFE.contains(route.method())).forEach(routes::add);
		return routes;
	}

	static String concrete(String pattern) {
		return concrete(pattern, 1);
	}

	/** The pattern with every path variable set to the id (and wildcards to {@code x}). */
	static String concrete(String pattern, long id) {
		String value = String.valueOf(id);
		String path = pattern.replaceAll("\\{\\*[^}]+}", "x")
			.replaceAll("\\{[^}:]+:[^}]+}", value)
			.replaceAll("\\{[^}]+}", value)
			.replace("**", "x")
			.replace("*", "x");
		return path.isEmpty() ? "/" : path;
	}

	/** The route with its path variables set to the id; the route itself when it has none. */
	static Route withId(Route route, long id) {
		return new Route(route.method(), route.pattern(), concrete(route.pattern(), id));
	}

}
