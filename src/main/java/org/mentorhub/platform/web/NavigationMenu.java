package org.mentorhub.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.mentorhub.platform.LayoutSlot;
import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The navigation of the page layout, assembled from the {@link NavigationEntry} beans that the
 * modules contribute, and worked out once per page ({@code th:with="nav=${@navigation.of(#authentication)}"}
 * in {@code layout.html}).
 * <p>
 * Why it is computed here and not with {@code sec:authorize} in the template: a dozen such
 * expressions each built a security evaluation context and evaluated SpEL on every page, 8% of a
 * page's CPU. Here the visible entries of a set of authorities are filtered once and cached (there
 * are only a few distinct sets: one per combination of roles), and a page only adds which entry is
 * the current one.
 * <p>
 * The menu's markup is kept too ({@link #markup}): the sidebar and the user menu are some 170 Thymeleaf
 * expressions, and rendering them was the largest part of a light page's CPU (docs/performance.md). They
 * are rendered once per set of authorities, current entry, locale and context path from
 * {@code fragments/nav.html}, and the layout inserts the kept text.
 */
@Component("navigation")
public class NavigationMenu {

	/** More distinct authority sets than this means something unexpected; the cache then starts again. */
	private static final int CACHE_LIMIT = 256;

	private final List<NavigationEntry> entries;

	private final Map<String, String> slots;

	private final Map<Set<String>, Visible> cache = new ConcurrentHashMap<>();

	private final Map<MarkupKey, Markup> markups = new ConcurrentHashMap<>();

	private final ObjectProvider<ITemplateEngine> templates;

	NavigationMenu(List<NavigationEntry> entries, List<LayoutSlot> slots) {
		this(entries, slots, null);
	}

	@Autowired
	NavigationMenu(List<NavigationEntry> entries, List<LayoutSlot> slots, ObjectProvider<ITemplateEngine> templates) {
		this.templates = templates;
		Set<String> ids = new HashSet<>();
		for (NavigationEntry entry : entries) {
			if (!ids.add(entry.id())) {
				throw new IllegalStateException("Two navigation entries have the id " + entry.id());
			}
		}
		this.entries = entries.stream()
			.sorted(Comparator.comparingInt(NavigationEntry::order).thenComparing(NavigationEntry::id))
			.toList();
		Map<String, String> byName = new HashMap<>();
		for (LayoutSlot slot : slots) {
			if (byName.putIfAbsent(slot.name(), slot.fragment()) != null) {
				throw new IllegalStateException("Two fragments fill the layout slot " + slot.name());
			}
		}
		this.slots = Map.copyOf(byName);
	}

	/** The menu of this authentication on the current page; the empty menu for nobody or an anonymous visitor. */
	public Menu of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Menu.NONE;
		}
		Set<String> granted = new HashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			granted.add(authority.getAuthority());
		}
		return of(granted, currentRequest());
	}

	/**
	 * The path of the page being rendered, without its query (the layout's "Report a problem" link carries
	 * it to the support desk); {@code /} outside a request.
	 */
	public String currentPath() {
		HttpServletRequest request = currentRequest();
		return request == null ? "/" : path(request);
	}

	Menu of(Set<String> granted, HttpServletRequest request) {
		if (this.cache.size() > CACHE_LIMIT) {
			this.cache.clear();
		}
		Set<String> authorities = Set.copyOf(granted);
		Visible visible = this.cache.computeIfAbsent(authorities, this::visibleTo);
		String current = request == null ? null : current(visible.all, path(request), query(request));
		String base = request == null || request.getContextPath() == null ? "" : request.getContextPath();
		return new Menu(true, visible.sections, visible.account, current, this.slots.get(LayoutSlot.BELL),
				this.slots.get(LayoutSlot.MESSAGES), authorities.contains("ROLE_PLATFORM_ADMIN"),
				new MarkupKey(authorities, current, base));
	}

	/**
	 * The rendered sidebar and user menu entries of this menu in the current locale, rendered on first use
	 * and kept ({@code fragments/nav.html}); empty for nobody signed in.
	 */
	public Markup markup(Menu menu) {
		if (!menu.signedIn()) {
			return Markup.NONE;
		}
		Locale locale = LocaleContextHolder.getLocale();
		MarkupKey key = new MarkupKey(menu.key.authorities, menu.key.current, menu.key.base, locale);
		Markup kept = this.markups.get(key);
		if (kept != null) {
			return kept;
		}
		if (this.markups.size() > CACHE_LIMIT * 8) {
			this.markups.clear();
		}
		Context context = new Context(locale);
		context.setVariable("nav", menu);
		context.setVariable("base", menu.key.base);
		ITemplateEngine engine = this.templates.getObject();
		Markup markup = new Markup(engine.process("fragments/nav", Set.of("sidebar"), context).strip(),
				engine.process("fragments/nav", Set.of("account"), context).strip());
		this.markups.put(key, markup);
		return markup;
	}

	private Visible visibleTo(Set<String> granted) {
		Map<Group, List<NavigationEntry>> byGroup = new EnumMap<>(Group.class);
		List<NavigationEntry> all = new ArrayList<>();
		for (NavigationEntry entry : this.entries) {
			if (entry.visibleTo(granted)) {
				byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(entry);
				all.add(entry);
			}
		}
		List<Section> sections = new ArrayList<>();
		for (Map.Entry<Group, List<NavigationEntry>> group : byGroup.entrySet()) {
			if (group.getKey() != Group.ACCOUNT) {
				sections.add(new Section(group.getKey(), List.copyOf(group.getValue())));
			}
		}
		return new Visible(List.copyOf(sections), List.copyOf(byGroup.getOrDefault(Group.ACCOUNT, List.of())),
				List.copyOf(all));
	}

	/**
	 * The entry of the page: the one whose path is the longest prefix of the page's path (segment by
	 * segment), where an entry with a query counts only on a page with that query, and before one
	 * without.
	 */
	static String current(List<NavigationEntry> entries, String path, String query) {
		String best = null;
		int bestScore = -1;
		for (NavigationEntry entry : entries) {
			int q = entry.path().indexOf('?');
			String entryPath = q < 0 ? entry.path() : entry.path().substring(0, q);
			boolean pathMatches = entryPath.equals("/") ? path.equals("/")
					: path.equals(entryPath) || path.startsWith(entryPath + "/");
			if (!pathMatches) {
				continue;
			}
			int score = entryPath.length();
			if (q >= 0) {
				if (query == null || !query.startsWith(entry.path().substring(q + 1))) {
					continue;
				}
				score += 10_000;
			}
			if (score > bestScore) {
				best = entry.id();
				bestScore = score;
			}
		}
		return best;
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
	}

	private static String path(HttpServletRequest request) {
		// An error page is rendered on a forward to /error; the page people asked for is the original one.
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String s ? s : request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	private static String query(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null ? null : request.getQueryString();
	}

	/** What a menu's markup is kept by: the authorities, the current entry, the context path and the language. */
	public record MarkupKey(Set<String> authorities, String current, String base, Locale locale) {

		MarkupKey(Set<String> authorities, String current, String base) {
			this(authorities, current, base, null);
		}

	}

	/**
	 * A menu's rendered markup.
	 *
	 * @param sidebar the main navigation's sections
	 * @param account the user menu's entries (the layout adds the sign-out button)
	 */
	public record Markup(String sidebar, String account) {

		static final Markup NONE = new Markup("", "");

	}

	private record Visible(List<Section> sections, List<NavigationEntry> account, List<NavigationEntry> all) {
	}

	/**
	 * The navigation one user sees on one page.
	 *
	 * @param signedIn anybody signed in: the navigation is shown at all
	 * @param sections the groups of the main navigation that have an entry for this user, in order
	 * @param account the entries of the user menu
	 * @param currentId the id of the entry of the current page, or {@code null}
	 * @param bell the fragment of the notification bell slot, or {@code null} while no module fills it
	 * @param messages the fragment of the unread messages badge slot, or {@code null} while no module fills it
	 * @param platformAdmin whether the user is the platform administrator (who has no support desk to report to)
	 * @param key what the menu's markup is kept by
	 */
	public record Menu(boolean signedIn, List<Section> sections, List<NavigationEntry> account, String currentId,
			String bell, String messages, boolean platformAdmin, MarkupKey key) {

		static final Menu NONE = new Menu(false, List.of(), List.of(), null, null, null, false, null);

		/** Whether this entry is the current page's ({@code aria-current="page"}). */
		public boolean isCurrent(NavigationEntry entry) {
			return entry.id().equals(this.currentId);
		}

		/** Whether the current page belongs to this section (it is shown open on a phone). */
		public boolean contains(Section section) {
			return section.entries().stream().anyMatch(this::isCurrent);
		}

	}

	/** One group of the main navigation with the entries this user sees. */
	public record Section(Group group, List<NavigationEntry> entries) {
	}

}
