package org.mentorhub.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mentorhub.platform.LayoutSlot;
import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.mentorhub.platform.web.NavigationMenu.Markup;
import org.mentorhub.platform.web.NavigationMenu.Menu;
import org.mentorhub.platform.web.NavigationMenu.Section;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NavigationMenuTests {

	static final NavigationEntry HOME = NavigationEntry.of(Group.HOME, "home", "k.home", "house", "/", 0, Set.of());

	static final NavigationEntry SESSIONS = NavigationEntry.of(Group.MENTORING, "sessions", "k.sessions", "calendar",
			"/sessions", 10, NavigationEntry.MEMBERS);

	static final NavigationEntry MENTEES = NavigationEntry
		.of(Group.MENTORING, "mentees", "k.mentees", "people", "/mentorships", 20, Set.of("ROLE_MENTOR"))
		.unless(NavigationEntry.MANAGERS);

	static final NavigationEntry MANAGE = NavigationEntry.of(Group.ADMINISTRATION, "manage", "k.manage", "x",
			"/mentorships/manage", 30, NavigationEntry.MANAGERS);

	static final NavigationEntry APPROVALS = NavigationEntry.of(Group.ADMINISTRATION, "approvals", "k.approvals", "x",
			"/mentorships/manage?status=ACCEPTED", 35, NavigationEntry.MANAGERS);

	static final NavigationEntry OUTBOX = NavigationEntry.of(Group.ADMINISTRATION, "outbox", "k.outbox", "x",
			"/platform/outbox", 90, Set.of("ROLE_PLATFORM_ADMIN"));

	static final NavigationEntry ACCOUNT = NavigationEntry.of(Group.ACCOUNT, "account", "k.account", "x", "/account",
			10, Set.of());

	// Contributed in a shuffled order, as beans of several modules would be.
	final NavigationMenu navigation = new NavigationMenu(List.of(OUTBOX, APPROVALS, ACCOUNT, MANAGE, MENTEES, SESSIONS,
			HOME), List.of());

	@Test
	void aMentorSeesTheMentoringGroupAndNoAdministration() {
		Menu menu = this.navigation.of(Set.of("ROLE_MENTOR", "MENTOR"), page("/"));

		assertThat(menu.sections()).extracting(Section::group).containsExactly(Group.HOME, Group.MENTORING);
		assertThat(menu.sections().get(1).entries()).containsExactly(SESSIONS, MENTEES);
		assertThat(menu.account()).containsExactly(ACCOUNT);
	}

	@Test
	void aCoordinatorWhoAlsoMentorsSeesTheQueueButNotTheMentorOnlyEntry() {
		Menu menu = this.navigation.of(Set.of("ROLE_COORDINATOR", "ROLE_MENTOR"), page("/"));

		assertThat(menu.sections()).extracting(Section::group)
			.containsExactly(Group.HOME, Group.MENTORING, Group.ADMINISTRATION);
		assertThat(menu.sections().get(1).entries()).containsExactly(SESSIONS);
		assertThat(menu.sections().get(2).entries()).containsExactly(MANAGE, APPROVALS);
	}

	@Test
	void thePlatformAdministratorSeesTheOutboxAndNoMemberPages() {
		Menu menu = this.navigation.of(Set.of("ROLE_PLATFORM_ADMIN", "INSTITUTION_MANAGE"), page("/"));

		assertThat(menu.sections()).extracting(Section::group).containsExactly(Group.HOME, Group.ADMINISTRATION);
		assertThat(menu.sections().get(1).entries()).containsExactly(OUTBOX);
	}

	@Test
	void theCurrentEntryIsTheLongestMatchingPathAndAQueryEntryOnlyOnItsQuery() {
		Set<String> coordinator = Set.of("ROLE_COORDINATOR");

		assertThat(this.navigation.of(coordinator, page("/")).currentId()).isEqualTo("home");
		assertThat(this.navigation.of(coordinator, page("/sessions/42")).currentId()).isEqualTo("sessions");
		assertThat(this.navigation.of(coordinator, page("/sessionsX")).currentId()).isNull();
		assertThat(this.navigation.of(coordinator, page("/mentorships/manage")).currentId()).isEqualTo("manage");
		assertThat(this.navigation.of(coordinator, page("/mentorships/manage?status=ACCEPTED")).currentId())
			.isEqualTo("approvals");
		assertThat(this.navigation.of(coordinator, page("/mentorships/manage?status=ENDED")).currentId())
			.isEqualTo("manage");
		Menu menu = this.navigation.of(coordinator, page("/sessions"));
		assertThat(menu.isCurrent(SESSIONS)).isTrue();
		assertThat(menu.isCurrent(HOME)).isFalse();
	}

	@Test
	void theVisibleEntriesOfOneSetOfAuthoritiesAreWorkedOutOnce() {
		Menu first = this.navigation.of(Set.of("ROLE_MENTOR"), page("/"));
		Menu second = this.navigation.of(Set.of("ROLE_MENTOR"), page("/sessions"));

		assertThat(second.sections()).isSameAs(first.sections());
		assertThat(second.account()).isSameAs(first.account());
	}

	@Test
	void nobodySignedInSeesNoNavigation() {
		assertThat(this.navigation.of(null).signedIn()).isFalse();
		assertThat(this.navigation.of(null).sections()).isEmpty();
	}

	@Test
	void theBellSlotIsEmptyUntilAModuleFillsIt() {
		assertThat(this.navigation.of(Set.of("ROLE_MENTOR"), page("/")).bell()).isNull();
		NavigationMenu withBell = new NavigationMenu(List.of(HOME),
				List.of(new LayoutSlot(LayoutSlot.BELL, "notification/partials/bell :: bell")));
		assertThat(withBell.of(Set.of("ROLE_MENTOR"), page("/")).bell()).isEqualTo("notification/partials/bell :: bell");
	}

	@Test
	void anEntryIsALocalPageWithoutAnAnchorAndItsIdIsUnique() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NavigationEntry.of(Group.MENTORING, "a", "k", "x", "/#alerts", 1, Set.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NavigationEntry.of(Group.MENTORING, "a", "k", "x", "https://example.org", 1, Set.of()));
		assertThatIllegalStateException().isThrownBy(() -> new NavigationMenu(List.of(SESSIONS, SESSIONS), List.of()));
	}

	@Test
	void theMenuMarkupIsRenderedOncePerAuthoritiesPageLocaleAndContextPath() {
		StaticMessageSource messages = new StaticMessageSource();
		for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
			String suffix = locale == Locale.ENGLISH ? "" : " (fr)";
			messages.addMessage("k.home", locale, "Home" + suffix);
			messages.addMessage("k.sessions", locale, "Sessions & <notes>" + suffix);
			messages.addMessage("k.mentees", locale, "My mentees" + suffix);
			messages.addMessage("k.account", locale, "Account" + suffix);
			messages.addMessage("layout.nav.group.mentoring", locale, "Mentoring" + suffix);
		}
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		NavigationMenu rendering = new NavigationMenu(List.of(HOME, SESSIONS, MENTEES, ACCOUNT), List.of(),
				new StaticListableBeanFactory(Map.of("templateEngine", engine)).getBeanProvider(ITemplateEngine.class));
		Set<String> mentor = Set.of("ROLE_MENTOR");
		MockHttpServletRequest inContext = page("/sessions/42");
		inContext.setRequestURI("/app/sessions/42");
		inContext.setContextPath("/app");
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			Markup sessions = rendering.markup(rendering.of(mentor, page("/sessions")));

			assertThat(sessions.sidebar()).contains("id=\"nav-sessions\" href=\"/sessions\"")
				.contains("Sessions &amp; &lt;notes&gt;")
				.contains("<p class=\"mh-nav-heading\" id=\"nav-group-mentoring\">Mentoring</p>")
				.containsPattern("class=\"nav-link active\" id=\"nav-sessions\"[^>]*aria-current=\"page\"")
				.doesNotContainPattern("id=\"nav-home\"[^>]*aria-current");
			assertThat(sessions.account()).contains("id=\"nav-account\" href=\"/account\"").doesNotContain("aria-current");
			assertThat(rendering.markup(rendering.of(mentor, page("/sessions/7")))).isSameAs(sessions);
			assertThat(rendering.markup(rendering.of(mentor, page("/account"))).account()).contains("aria-current=\"page\"");
			assertThat(rendering.markup(rendering.of(mentor, inContext)).sidebar())
				.contains("href=\"/app/sessions\"").contains("href=\"/app/\"");
			assertThat(rendering.markup(rendering.of(Set.of("ROLE_COORDINATOR"), page("/sessions"))).sidebar())
				.doesNotContain("nav-mentees");

			LocaleContextHolder.setLocale(Locale.FRENCH);
			assertThat(rendering.markup(rendering.of(mentor, page("/sessions"))).sidebar()).contains("Mentoring (fr)");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(rendering.markup(rendering.of(null))).isEqualTo(new Markup("", ""));
	}

	private static MockHttpServletRequest page(String uri) {
		int q = uri.indexOf('?');
		MockHttpServletRequest request = new MockHttpServletRequest("GET", q < 0 ? uri : uri.substring(0, q));
		if (q >= 0) {
			request.setQueryString(uri.substring(q + 1));
		}
		return request;
	}

}
