package org.mentorhub.wellbeing.chat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.RateLimiter;
import org.mentorhub.platform.SecretBox;
import org.mentorhub.platform.privacy.RetentionPeriods;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.UserDirectory;
import org.mentorhub.platform.privacy.ConsentGiven;
import org.mentorhub.platform.privacy.ConsentKind;
import org.mentorhub.platform.privacy.ConsentWithdrawn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The support chat of a new mother (docs/support-chat.md): peer support by an AI, not therapy. Only a
 * signed-in NEW_MOTHER has one, and only she reads it; for anybody else, the platform administrator
 * and her institution's administrators included, every route is "not found". She chats after giving
 * separate consent; withdrawing it deletes the history. Each message is screened for crisis language
 * before anything else: a hit gets the fixed crisis answer, no model call, and an event that asks the
 * institution's designated contact (else its administrators) to call her, without the text.
 * Otherwise the configured model answers within its timeout, its answer screened and capped, or a
 * curated reply does. Messages are sealed with {@link SecretBox}, scored for her own mood trend only,
 * and purged after the retention period.
 */
@Service
class SupportChat {

	static final String CONTEXT = "support_chat_messages.message";

	static final String RATE_LIMIT = "support-chat";

	/** Where a message of the chat came from. */
	public enum Source {
		USER, MODEL, CURATED, CRISIS, DISCLOSURE
	}

	/** One message as she sees it. */
	public record ChatMessage(long id, Source source, String text, boolean crisisDetected, Instant at) {

		public boolean fromUser() {
			return this.source == Source.USER;
		}

	}

	/** What the chat page shows: whether she consented, her messages and the help lines. */
	public record ChatState(boolean consented, Instant consentedAt, List<ChatMessage> messages, List<String> helpLines,
			long retentionDays) {
	}

	/** The answer to one message: what was stored, her message first. */
	public record Exchange(List<ChatMessage> messages, boolean crisisDetected) {
	}

	/** One day of her mood trend: the average score of her messages that day, from -1 to 1. */
	public record MoodDay(LocalDate day, double average, int messages) {
	}

	/** An institution's crisis settings: whom to ask to call, and the help lines shown. */
	public record Settings(Long contactUserId, List<String> helpLines, boolean defaultHelpLines) {
	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final SecretBox box;

	private final CrisisScreen screen;

	private final SentimentAnalyzer sentiment;

	private final ReplyModel model;

	private final RateLimiter limiter;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final SupportChatProperties properties;

	private final UserDirectory users;

	private final Clock clock;

	private final RetentionPeriods periods;

	SupportChat(JdbcClient jdbc, Tenancy tenancy, SecretBox box, SentimentAnalyzer sentiment, ReplyModel model,
			RateLimiter limiter, ApplicationEventPublisher events, TransactionTemplate transactions,
			SupportChatProperties properties, UserDirectory users, RetentionPeriods periods, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.box = box;
		this.screen = CrisisScreen.bundled();
		this.sentiment = sentiment;
		this.model = model;
		this.limiter = limiter;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.users = users;
		this.periods = periods;
		this.clock = clock;
	}

	/** The signed-in new mother; anybody else gets "not found", so that the chat's existence leaks nothing. */
	private Actor mother() {
		Actor actor = this.tenancy.currentActor().orElseThrow(() -> new NotFoundException("No support chat here."));
		if (!this.tenancy.hasRole("NEW_MOTHER") || actor.institutionId() == null) {
			throw new NotFoundException("No support chat here.");
		}
		return actor;
	}

	/** The days messages are kept: the period an administrator set (/admin/privacy/retention), or the default. */
	long retentionDays() {
		Integer days = this.periods.days(SupportChatPurge.KEY, (int) this.properties.retention().toDays());
		return days == null ? 0 : days;
	}

	/** Her chat: consent, messages oldest first, help lines. */
	ChatState state() {
		Actor me = mother();
		return this.transactions.execute(status -> {
			Optional<Instant> consented = consentedAt(me.id());
			List<ChatMessage> messages = consented.isPresent() ? messages(me.id()) : List.of();
			return new ChatState(consented.isPresent(), consented.orElse(null), messages,
					settingsOf(me.institutionId()).helpLines(), retentionDays());
		});
	}

	/** Gives consent (again); idempotent. The consent register hears of a new consent ({@link ConsentGiven}). */
	void consent() {
		Actor me = mother();
		LocalDateTime now = now();
		this.transactions.executeWithoutResult(status -> {
			int updated = this.jdbc.sql("""
					UPDATE support_chat_consents SET consented_at = :now, withdrawn_at = NULL
					WHERE user_id = :u AND withdrawn_at IS NOT NULL""").param("now", now).param("u", me.id()).update();
			if (updated == 0 && consentedAt(me.id()).isEmpty()) {
				try {
					updated = this.jdbc.sql("INSERT INTO support_chat_consents (user_id, consented_at) VALUES (:u, :now)")
						.param("u", me.id()).param("now", now).update();
				}
				catch (DuplicateKeyException ex) {
					// A concurrent consent of hers won: she has consented.
				}
			}
			if (updated > 0) {
				this.events.publishEvent(new ConsentGiven(me.id(), ConsentKind.SUPPORT_CHAT,
						ConsentKind.SUPPORT_CHAT.textVersion(), now.toInstant(ZoneOffset.UTC)));
			}
		});
	}

	/** Withdraws consent and deletes the whole history. */
	void withdraw() {
		withdrawOf(mother().id());
	}

	/**
	 * Withdraws a person's consent and deletes her whole history; idempotent. Also run when she withdraws the
	 * consent in the consent register. The register hears of it ({@link ConsentWithdrawn}).
	 */
	void withdrawOf(long userId) {
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("DELETE FROM support_chat_messages WHERE user_id = :u").param("u", userId).update();
			LocalDateTime now = now();
			int withdrawn = this.jdbc
				.sql("UPDATE support_chat_consents SET withdrawn_at = :now WHERE user_id = :u AND withdrawn_at IS NULL")
				.param("now", now).param("u", userId).update();
			if (withdrawn > 0) {
				this.events.publishEvent(new ConsentWithdrawn(userId, ConsentKind.SUPPORT_CHAT,
						now.toInstant(ZoneOffset.UTC)));
			}
		});
	}

	/** Deletes her whole history; consent stays. Returns how many messages were deleted. */
	int deleteHistory() {
		Actor me = mother();
		return this.transactions.execute(status -> this.jdbc.sql("DELETE FROM support_chat_messages WHERE user_id = :u")
			.param("u", me.id()).update());
	}

	/**
	 * Her message and its answer. Refused without consent (409), for an empty or too long text (400) and
	 * past the rate limit (429); nothing is stored then.
	 */
	Exchange send(String text) {
		Actor me = mother();
		String message = text == null ? "" : text.strip();
		if (message.isEmpty()) {
			throw new InvalidInputException("message", "Write a message first.");
		}
		if (message.length() > this.properties.maxMessageLength()) {
			throw new InvalidInputException("message",
					"A message has at most " + this.properties.maxMessageLength() + " characters.");
		}
		if (consentedAt(me.id()).isEmpty()) {
			throw new StateTransitionException("Please give your consent to the support chat first.");
		}
		this.limiter.acquire(RATE_LIMIT, String.valueOf(me.id()), this.properties.messagesPerMinute(),
				java.time.Duration.ofMinutes(1));
		double score = this.sentiment.score(message);
		boolean crisis = this.screen.isCrisis(message);
		if (crisis) {
			// No model is called: the fixed answer, and a person is asked to call her.
			return this.transactions.execute(status -> {
				List<ChatMessage> stored = new ArrayList<>(discloseIfDue(me.id()));
				stored.add(store(me.id(), Source.USER, message, true, score));
				List<Long> recipients = crisisContacts(me.institutionId(), me.id());
				stored.add(store(me.id(), Source.CRISIS,
						CuratedReplies.crisis(settingsOf(me.institutionId()).helpLines(), !recipients.isEmpty()), false,
						null));
				this.events.publishEvent(new SupportChatCrisisFlagged(me.id(), me.institutionId(), recipients,
						this.clock.instant()));
				return new Exchange(stored, true);
			});
		}
		List<ChatMessage> first = this.transactions.execute(status -> {
			List<ChatMessage> stored = new ArrayList<>(discloseIfDue(me.id()));
			stored.add(store(me.id(), Source.USER, message, false, score));
			return stored;
		});
		// The model is called outside any transaction: no connection is held while it thinks.
		List<ReplyModel.Turn> conversation = conversation(me.id());
		Optional<String> modelReply = this.model.reply(conversation).map(this::capped)
			.filter(reply -> !this.screen.isCrisis(reply));
		Source source = modelReply.isPresent() ? Source.MODEL : Source.CURATED;
		String reply = modelReply.orElseGet(() -> CuratedReplies.supportive(conversation.size()));
		ChatMessage answer = this.transactions.execute(status -> store(me.id(), source, reply, false, null));
		List<ChatMessage> all = new ArrayList<>(first);
		all.add(answer);
		return new Exchange(all, false);
	}

	/** Her mood trend: per day (in her time zone), the average sentiment of her messages, oldest first. */
	List<MoodDay> mood() {
		Actor me = mother();
		ZoneId zone = this.users.zoneOf(me.id());
		Map<LocalDate, double[]> days = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT created_at, sentiment_score FROM support_chat_messages
				WHERE user_id = :u AND is_from_user = TRUE AND sentiment_score IS NOT NULL ORDER BY created_at, id""")
			.param("u", me.id())
			.query((rs, n) -> {
				LocalDate day = rs.getTimestamp(1).toLocalDateTime().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone)
					.toLocalDate();
				double[] sum = days.computeIfAbsent(day, d -> new double[2]);
				sum[0] += rs.getBigDecimal(2).doubleValue();
				sum[1]++;
				return day;
			})
			.list();
		List<MoodDay> trend = new ArrayList<>();
		days.forEach((day, sum) -> trend.add(new MoodDay(day, Math.round(sum[0] / sum[1] * 1000) / 1000.0, (int) sum[1])));
		return trend;
	}

	/** Her institution's crisis settings; administrators only, of their own institution (else "not found"). */
	Settings settings() {
		return settingsOf(administeredInstitution());
	}

	/** Sets whom to ask to call (an active member of the institution, or null for its administrators) and the help lines. */
	Settings updateSettings(Long contactUserId, List<String> helpLines) {
		long institution = administeredInstitution();
		List<String> lines = helpLines == null ? List.of()
				: helpLines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (lines.size() > 10 || lines.stream().anyMatch(l -> l.length() > 200)) {
			throw new InvalidInputException("helpLines", "At most 10 help lines of at most 200 characters each.");
		}
		if (contactUserId != null && this.jdbc.sql("""
				SELECT COUNT(*) FROM identity_people WHERE id = :c AND institution_id = :i AND status = 'ACTIVE'""")
			.param("c", contactUserId).param("i", institution).query(Long.class).single() == 0) {
			throw new InvalidInputException("contactUserId", "The contact must be an active member of your institution.");
		}
		String stored = lines.isEmpty() ? null : String.join("\n", lines);
		this.transactions.executeWithoutResult(status -> {
			int updated = this.jdbc.sql("""
					UPDATE support_chat_settings SET contact_user_id = :c, help_lines = :h, updated_at = :now
					WHERE institution_id = :i""")
				.param("c", contactUserId).param("h", stored).param("now", now()).param("i", institution).update();
			if (updated == 0) {
				this.jdbc.sql("""
						INSERT INTO support_chat_settings (institution_id, contact_user_id, help_lines, updated_at)
						VALUES (:i, :c, :h, :now)""")
					.param("i", institution).param("c", contactUserId).param("h", stored).param("now", now()).update();
			}
		});
		return settingsOf(institution);
	}

	private long administeredInstitution() {
		Actor actor = this.tenancy.currentActor().orElseThrow(() -> new NotFoundException("No settings here."));
		if (!this.tenancy.hasRole("ADMIN") || actor.institutionId() == null) {
			throw new NotFoundException("No settings here.");
		}
		return actor.institutionId();
	}

	Settings settingsOf(long institutionId) {
		return this.jdbc.sql("SELECT contact_user_id, help_lines FROM support_chat_settings WHERE institution_id = :i")
			.param("i", institutionId)
			.query((rs, n) -> {
				long contact = rs.getLong(1);
				Long contactId = rs.wasNull() ? null : contact;
				String lines = rs.getString(2);
				return lines == null || lines.isBlank()
						? new Settings(contactId, this.properties.helpLines(), true)
						: new Settings(contactId, Arrays.asList(lines.split("\n")), false);
			})
			.optional()
			.orElseGet(() -> new Settings(null, this.properties.helpLines(), true));
	}

	/** The designated contact if active in her institution, else its active administrators; never herself. */
	private List<Long> crisisContacts(long institutionId, long motherId) {
		Long contact = settingsOf(institutionId).contactUserId();
		if (contact != null && contact != motherId && this.jdbc.sql("""
				SELECT COUNT(*) FROM identity_people WHERE id = :c AND institution_id = :i AND status = 'ACTIVE'""")
			.param("c", contact).param("i", institutionId).query(Long.class).single() > 0) {
			return List.of(contact);
		}
		return this.jdbc.sql("""
				SELECT p.id FROM identity_people p
				WHERE p.institution_id = :i AND p.status = 'ACTIVE' AND p.id <> :m
				  AND p.id IN (SELECT r.user_id FROM identity_person_roles r WHERE r.role = 'ADMIN')
				ORDER BY p.id""").param("i", institutionId).param("m", motherId).query(Long.class).list();
	}

	private List<ChatMessage> discloseIfDue(long userId) {
		LocalDateTime since = LocalDateTime.ofInstant(this.clock.instant().minus(this.properties.disclosureEvery()),
				ZoneOffset.UTC);
		long recent = this.jdbc.sql("""
				SELECT COUNT(*) FROM support_chat_messages
				WHERE user_id = :u AND reply_source = 'DISCLOSURE' AND created_at > :since""")
			.param("u", userId).param("since", since).query(Long.class).single();
		return recent > 0 ? List.of() : List.of(store(userId, Source.DISCLOSURE, CuratedReplies.DISCLOSURE, false, null));
	}

	private ChatMessage store(long userId, Source source, String text, boolean crisis, Double score) {
		SecretBox.Sealed sealed = this.box.seal(text, CONTEXT);
		Instant at = this.clock.instant();
		BigDecimal value = score == null ? null : BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
		org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO support_chat_messages (user_id, message, message_key_id, is_from_user, sentiment,
				    sentiment_score, crisis_detected, reply_source, created_at)
				VALUES (:u, :m, :k, :fromUser, :sentiment, :score, :crisis, :source, :at)""")
			.param("u", userId)
			.param("m", sealed.ciphertext())
			.param("k", sealed.keyId())
			.param("fromUser", source == Source.USER)
			.param("sentiment", score == null ? null : SentimentAnalyzer.label(score))
			.param("score", value)
			.param("crisis", crisis)
			.param("source", source == Source.USER ? null : source.name())
			.param("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.update(keys, "id");
		return new ChatMessage(keys.getKeyAs(Number.class).longValue(), source, text, crisis, at);
	}

	private List<ChatMessage> messages(long userId) {
		return this.jdbc.sql("""
				SELECT id, message, message_key_id, is_from_user, reply_source, crisis_detected, created_at
				FROM support_chat_messages WHERE user_id = :u ORDER BY created_at, id""")
			.param("u", userId)
			.query((rs, n) -> new ChatMessage(rs.getLong(1),
					rs.getBoolean(4) ? Source.USER : Source.valueOf(rs.getString(5)),
					this.box.open(rs.getString(3), rs.getString(2), CONTEXT), rs.getBoolean(6),
					rs.getTimestamp(7).toLocalDateTime().toInstant(ZoneOffset.UTC)))
			.list();
	}

	/** The last turns for the model: her messages and the earlier model or curated replies, not the fixed texts. */
	private List<ReplyModel.Turn> conversation(long userId) {
		List<ChatMessage> recent = this.jdbc.sql("""
				SELECT id, message, message_key_id, is_from_user, reply_source, crisis_detected, created_at
				FROM support_chat_messages WHERE user_id = :u
				  AND (is_from_user = TRUE OR reply_source IN ('MODEL', 'CURATED'))
				ORDER BY created_at DESC, id DESC LIMIT 12""")
			.param("u", userId)
			.query((rs, n) -> new ChatMessage(rs.getLong(1),
					rs.getBoolean(4) ? Source.USER : Source.valueOf(rs.getString(5)),
					this.box.open(rs.getString(3), rs.getString(2), CONTEXT), rs.getBoolean(6), null))
			.list();
		List<ReplyModel.Turn> turns = new ArrayList<>();
		for (int i = recent.size() - 1; i >= 0; i--) {
			ChatMessage m = recent.get(i);
			if (!m.crisisDetected()) {
				turns.add(new ReplyModel.Turn(m.fromUser(), m.text()));
			}
		}
		return turns;
	}

	private Optional<Instant> consentedAt(long userId) {
		return this.jdbc.sql("SELECT consented_at FROM support_chat_consents WHERE user_id = :u AND withdrawn_at IS NULL")
			.param("u", userId)
			.query((rs, n) -> rs.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC))
			.optional();
	}

	private String capped(String reply) {
		String text = reply.strip();
		int max = this.properties.maxReplyLength();
		if (text.length() <= max) {
			return text;
		}
		int cut = text.lastIndexOf(' ', max - 1);
		return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
