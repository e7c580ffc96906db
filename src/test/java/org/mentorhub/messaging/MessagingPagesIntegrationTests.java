package org.mentorhub.messaging;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.notification.DeliveredNotifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The messaging pages: the network (requests with notes, suggestions and their reasons), the
 * conversation list and a conversation (read state, links, deletion, the htmx pages), bad input shown
 * in the page with its 4xx status, stored XSS payloads inert in every page and notification, and a
 * fixed number of statements for the conversation list and a conversation page.
 */
@MentorHubIntegrationTest
class MessagingPagesIntegrationTests {

	static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	TestInstitution college;

	Account ada;

	Account bob;

	Account carol;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.ada = this.college.aMentee().inDepartment("CS").named("Ada Mentee").create(this.jdbc);
		this.bob = this.college.aMentor().inDepartment("CS").named("Bob Mentor").create(this.jdbc);
		this.carol = this.college.aMentee().inDepartment("BUS").named("Carol Stranger").create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions page(Account caller, String uri) throws Exception {
		return this.mvc.perform(get(uri).with(as(caller)));
	}

	ResultActions form(Account caller, String uri, String... namesAndValues) throws Exception {
		var request = post(uri).with(as(caller)).with(csrf());
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			request.param(namesAndValues[i], namesAndValues[i + 1]);
		}
		return this.mvc.perform(request);
	}

	static void inert(String html) {
		// Escaped, the payload is text ("&lt;img src=x onerror=..."): no element of it reaches the page.
		assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
	}

	@Test
	void aRequestWithANoteIsAcceptedFromTheNetworkPage() throws Exception {
		page(this.ada, "/network").andExpect(status().isOk())
			.andExpect(content().string(containsString("suggestion-" + this.bob.id())))
			.andExpect(content().string(containsString("Same department")))
			.andExpect(content().string(not(containsString("suggestion-" + this.carol.id()))));
		form(this.ada, "/network/requests", "personId", String.valueOf(this.bob.id()), "note", XSS)
			.andExpect(redirectedUrl("/network?done=requested"));
		long id = this.jdbc.sql("SELECT id FROM user_connections WHERE requester_id = :a").param("a", this.ada.id())
			.query(Long.class).single();
		String network = page(this.bob, "/network").andExpect(status().isOk())
			.andExpect(content().string(containsString("received-" + id)))
			.andExpect(content().string(containsString("&lt;script&gt;")))
			.andReturn().getResponse().getContentAsString();
		inert(network);
		inert(page(this.ada, "/network").andReturn().getResponse().getContentAsString());
		// Accepting a request sent to someone else: not found, nothing changes.
		form(this.carol, "/network/" + id + "/accept").andExpect(status().isNotFound());
		form(this.bob, "/network/" + id + "/accept").andExpect(redirectedUrl("/network?done=accepted"));
		page(this.ada, "/network").andExpect(content().string(containsString("connection-" + id)))
			.andExpect(content().string(containsString("Bob Mentor")));
		// The notifications of the request and the acceptance name the people, never the note.
		DeliveredNotifications delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
		assertThat(delivered.of(this.bob, 1)).singleElement().satisfies(row -> {
			assertThat(row.type()).isEqualTo("CONNECTION_REQUESTED");
			assertThat(row.title()).contains("Ada Mentee");
			assertThat(row.title() + row.body()).doesNotContain("<script>").doesNotContain("alert");
		});
		assertThat(delivered.of(this.ada, 1)).singleElement().satisfies(row -> assertThat(row.type()).isEqualTo("CONNECTION_ACCEPTED"));
	}

	@Test
	void openingAConversationMarksItReadAndShowsLinksButNoMarkup() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		form(this.ada, "/messages/" + MessagingFixtures.conversation(this.ada, this.bob), "text",
				XSS + " see https://example.org/a?b=1. and javascript:alert(2)")
			.andExpect(redirectedUrl("/messages/" + MessagingFixtures.conversation(this.ada, this.bob)));
		page(this.bob, "/").andExpect(content().string(containsString("id=\"messages-count\"")));
		String list = page(this.bob, "/messages").andExpect(status().isOk())
			.andExpect(content().string(containsString("Ada Mentee")))
			.andExpect(content().string(containsString("conversation-unread")))
			.andReturn().getResponse().getContentAsString();
		inert(list);
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		String html = page(this.bob, "/messages/" + conversation).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		inert(html);
		assertThat(html).contains("href=\"https://example.org/a?b=1\"").doesNotContain("href=\"javascript");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM direct_messages WHERE receiver_id = :b AND is_read = TRUE AND read_at IS NOT NULL")
			.param("b", this.bob.id()).query(Long.class).single()).isEqualTo(1);
		page(this.ada, "/messages/" + conversation).andExpect(content().string(containsString("data-mh-state=\"read\"")));
		// The htmx refresh: newer messages, and the read state of one's own out of band.
		long reply = MessagingFixtures.message(this.jdbc, this.bob, this.ada, "A reply", 0);
		this.mvc.perform(get("/messages/" + conversation + "/newer?after=" + (reply - 1) + "&from=0").with(as(this.ada))
			.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("message-" + reply)))
			.andExpect(content().string(containsString("hx-swap-oob")));
		DeliveredNotifications delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
		assertThat(delivered.of(this.bob, 1)).singleElement().satisfies(row -> {
			assertThat(row.type()).isEqualTo("DIRECT_MESSAGE");
			assertThat(row.linkUrl()).isEqualTo("/messages/" + conversation);
			assertThat(row.title() + row.body()).doesNotContain("script").doesNotContain("example.org");
		});
	}

	@Test
	void badInputIsShownInThePageWithItsStatus() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		form(this.ada, "/messages/" + conversation, "text", "  ").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Write a message.")));
		form(this.ada, "/messages/" + conversation, "text", "y".repeat(4_001)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at most 4000")));
		String stranger = MessagingFixtures.conversation(this.ada, this.carol);
		page(this.ada, "/messages/with/" + this.carol.id()).andExpect(redirectedUrl("/messages/" + stranger));
		page(this.ada, "/messages/" + stranger).andExpect(status().isOk())
			.andExpect(content().string(containsString("message-closed")));
		form(this.ada, "/messages/" + stranger, "text", "Hello").andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Send a connection request first")));
		page(this.ada, "/messages/with/" + this.ada.id()).andExpect(status().isBadRequest());
		// Another person's conversation.
		String others = MessagingFixtures.conversation(this.bob, this.carol);
		page(this.ada, "/messages/" + others).andExpect(status().isNotFound());
		form(this.ada, "/messages/" + others, "text", "Hi").andExpect(status().isNotFound());
		form(this.ada, "/network/requests", "personId", String.valueOf(this.ada.id())).andExpect(status().isBadRequest());
		form(this.ada, "/network/requests").andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM direct_messages WHERE sender_id = :a").param("a", this.ada.id())
			.query(Long.class).single()).isZero();
		// A blocked person: the page says so and refuses.
		form(this.bob, "/network/people/" + this.ada.id() + "/block").andExpect(redirectedUrl("/network?done=blocked"));
		page(this.ada, "/messages/" + conversation).andExpect(content().string(containsString("has blocked the other")));
		form(this.ada, "/messages/" + conversation, "text", "Hello?").andExpect(status().isForbidden());
	}

	@Test
	void aSenderDeletesAMessageWhichThenShowsAsDeleted() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		long message = MessagingFixtures.message(this.jdbc, this.ada, this.bob, "Regrettable", 1);
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		form(this.bob, "/messages/" + conversation + "/" + message + "/delete").andExpect(status().isNotFound());
		form(this.ada, "/messages/" + conversation + "/" + message + "/delete")
			.andExpect(redirectedUrl("/messages/" + conversation + "?done=deleted"));
		page(this.bob, "/messages/" + conversation).andExpect(content().string(containsString("message deleted")))
			.andExpect(content().string(not(containsString("Regrettable"))));
		form(this.ada, "/messages/" + conversation + "/" + message + "/delete").andExpect(status().isConflict());
	}

	@Test
	void aReportedMessageIsAcknowledgedAndItsReasonStaysText() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		long message = MessagingFixtures.message(this.jdbc, this.ada, this.bob, XSS, 1);
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		form(this.bob, "/messages/" + conversation + "/" + message + "/report", "reason", XSS)
			.andExpect(redirectedUrl("/messages/" + conversation + "?done=reported"));
		inert(page(this.bob, "/messages/" + conversation + "?done=reported").andReturn().getResponse().getContentAsString());
	}

	@Test
	void olderMessagesLoadByKeysetWithTheHtmxTwin() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		for (int i = 0; i < 32; i++) {
			MessagingFixtures.message(this.jdbc, this.ada, this.bob, "Numbered " + i, 100 - i);
		}
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		String html = page(this.bob, "/messages/" + conversation).andExpect(content().string(containsString("load-older")))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Numbered 31").contains("Numbered 2<").doesNotContain("Numbered 1<");
		String before = html.replaceAll("(?s).*before=(\\d+).*", "$1");
		this.mvc.perform(get("/messages/" + conversation + "?before=" + before).with(as(this.bob)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Numbered 0")))
			.andExpect(content().string(containsString("Numbered 1<")))
			.andExpect(content().string(not(containsString("load-older"))))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void theConversationListAndAConversationPageTakeAFixedNumberOfStatements() throws Exception {
		MessagingFixtures.connect(this.jdbc, this.ada, this.bob);
		grow(2);
		String conversation = MessagingFixtures.conversation(this.ada, this.bob);
		long list = StatementCounter.count(() -> page(this.ada, "/messages").andExpect(status().isOk()));
		long one = StatementCounter.count(() -> page(this.ada, "/messages/" + conversation).andExpect(status().isOk()));
		long api = StatementCounter.count(() -> page(this.ada, "/api/v1/conversations").andExpect(status().isOk()));
		long network = StatementCounter.count(() -> page(this.ada, "/network").andExpect(status().isOk()));
		grow(6);
		assertThat(StatementCounter.count(() -> page(this.ada, "/messages").andExpect(status().isOk()))).isEqualTo(list);
		assertThat(StatementCounter.count(() -> page(this.ada, "/messages/" + conversation).andExpect(status().isOk())))
			.isEqualTo(one);
		assertThat(StatementCounter.count(() -> page(this.ada, "/api/v1/conversations").andExpect(status().isOk())))
			.isEqualTo(api);
		assertThat(StatementCounter.count(() -> page(this.ada, "/network").andExpect(status().isOk()))).isEqualTo(network);
		assertThat(List.of(list, one, api, network)).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(25));
	}

	/** More correspondents for Ada, each connected and with messages both ways, and more messages with Bob. */
	private void grow(int people) {
		for (int i = 0; i < people; i++) {
			Account other = this.college.aMentor().inDepartment("CS").create(this.jdbc);
			MessagingFixtures.connect(this.jdbc, other, this.ada);
			MessagingFixtures.connection(this.jdbc, this.college.aMentee().inDepartment("CS").create(this.jdbc), this.ada,
					"PENDING", "Note " + i);
			for (int m = 0; m < 3; m++) {
				MessagingFixtures.message(this.jdbc, other, this.ada, "From another " + m, 50 - m);
				MessagingFixtures.message(this.jdbc, this.ada, other, "Back " + m, 40 - m);
				MessagingFixtures.message(this.jdbc, this.ada, this.bob, "More " + m, 30 - m);
				MessagingFixtures.message(this.jdbc, this.bob, this.ada, "Yet more " + m, 20 - m);
			}
		}
	}

}
