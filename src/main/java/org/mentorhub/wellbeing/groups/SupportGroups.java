package org.mentorhub.wellbeing.groups;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.AbuseReported;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.wellbeing.GroupJoinApproved;
import org.mentorhub.wellbeing.GroupJoinRequested;
import org.mentorhub.wellbeing.GroupPostPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Support groups of an institution: administrators create them and appoint moderators; members join
 * (a private group needs a moderator's approval: the membership waits as PENDING) and leave; active
 * members read and write the group's discussion, moderators remove posts (a tombstone stays) and anyone
 * who reads a post may report it (platform {@link AbuseReported}). A group of another institution is
 * "not found".
 * <p>
 * {@code member_count} counts ACTIVE memberships and is changed in the transaction that changes one,
 * by an atomic {@code member_count + 1} or {@code - 1} guarded by the row that was inserted, deleted
 * or approved (the unique membership decides concurrent joins), so it stays true under concurrency.
 */
@Service
public class SupportGroups {

	public static final int MAX_NAME = 200;

	public static final int MAX_DESCRIPTION = 2_000;

	public static final int MAX_POST = 5_000;

	/** How many of the latest posts (with their replies) a group page shows. */
	public static final int POSTS_SHOWN = 50;

	static final String ACTIVE = "ACTIVE";

	static final String PENDING = "PENDING";

	static final String MODERATOR = "MODERATOR";

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	SupportGroups(JdbcClient jdbc, Tenancy tenancy, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.events = events;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	/** The groups of the caller's institution, with the caller's membership, by name. */
	@Transactional(readOnly = true)
	public List<GroupSummary> list() {
		Actor actor = this.tenancy.actor();
		if (actor.institutionId() == null) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT g.id, g.name, g.description, g.is_private, g.member_count, g.last_active_at,
				       gm.status AS my_status, gm.role AS my_role, gm.notify_posts
				FROM support_groups g
				LEFT JOIN group_memberships gm ON gm.group_id = g.id AND gm.user_id = :me
				WHERE g.institution_id = :institution ORDER BY g.name, g.id""")
			.param("me", actor.id())
			.param("institution", actor.institutionId())
			.query((rs, i) -> GroupSummary.of(rs))
			.list();
	}

	/** A new group of the caller's institution: administrators only (403 otherwise). */
	@Transactional
	public GroupSummary create(String name, String description, Boolean isPrivate) {
		Actor actor = this.tenancy.actor();
		if (!this.tenancy.hasRole("ADMIN") || actor.institutionId() == null) {
			throw new AccessDeniedException("Administrators create support groups.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String n = name == null ? "" : name.strip();
		String d = description == null ? "" : description.strip();
		if (n.isEmpty()) {
			problems.add(new FieldProblem("name", "Give the group a name."));
		}
		else if (n.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "A name has at most " + MAX_NAME + " characters."));
		}
		if (d.length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "A description has at most " + MAX_DESCRIPTION + " characters."));
		}
		if (problems.isEmpty() && this.jdbc.sql("SELECT COUNT(*) FROM support_groups WHERE institution_id = :i AND name = :n")
			.param("i", actor.institutionId()).param("n", n).query(Long.class).single() > 0) {
			problems.add(new FieldProblem("name", "A group of that name exists."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDateTime now = now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO support_groups (institution_id, name, description, is_private, member_count, created_by_id,
				                            created_at, updated_at, version)
				VALUES (:i, :n, :d, :p, 0, :me, :now, :now, 0)""")
			.param("i", actor.institutionId())
			.param("n", n)
			.param("d", d.isEmpty() ? null : d)
			.param("p", Boolean.TRUE.equals(isPrivate))
			.param("me", actor.id())
			.param("now", now)
			.update(keys, "id");
		return summary(keys.getKeyAs(Number.class).longValue(), actor);
	}

	/** A group's page: the group, its discussion (for active members and administrators), its members. */
	@Transactional(readOnly = true)
	public GroupDetails get(long id) {
		Actor actor = this.tenancy.actor();
		GroupSummary group = summary(id, actor);
		boolean admin = this.tenancy.hasRole("ADMIN");
		boolean reads = group.active() || admin;
		List<PostView> posts = reads ? posts(id) : List.of();
		List<MemberView> members = reads || group.moderator() ? members(id) : List.of();
		return new GroupDetails(group, group.active(), group.moderator() || admin, admin, posts, members);
	}

	/**
	 * Joins the group: ACTIVE at once, or PENDING for a private group (its moderators hear of it). Joining
	 * twice changes nothing.
	 */
	public GroupSummary join(long id) {
		Actor actor = this.tenancy.actor();
		try {
			this.tx.executeWithoutResult(status -> {
				lock(id);
				GroupSummary group = summary(id, actor);
				if (group.myStatus() != null) {
					return;
				}
				String state = group.isPrivate() ? PENDING : ACTIVE;
				LocalDateTime now = now();
				this.jdbc.sql("""
						INSERT INTO group_memberships (user_id, group_id, role, joined_at, status, notify_posts)
						VALUES (:me, :g, 'MEMBER', :now, :status, FALSE)""")
					.param("me", actor.id()).param("g", id).param("now", now).param("status", state).update();
				if (ACTIVE.equals(state)) {
					counted(id, +1, now);
				}
				else {
					List<Long> moderators = this.jdbc.sql("""
							SELECT user_id FROM group_memberships WHERE group_id = :g AND role = 'MODERATOR' AND status = 'ACTIVE'
							ORDER BY user_id""").param("g", id).query(Long.class).list();
					this.events.publishEvent(new GroupJoinRequested(id, group.name(), actor.id(), moderators));
				}
			});
		}
		catch (DuplicateKeyException ex) {
			// A concurrent join of the same person won: the membership exists once, the count moved once.
		}
		return this.tx.execute(status -> summary(id, actor));
	}

	/**
	 * For leave coverage (no signed-in user): makes the person an active member of the institution's
	 * group, or activates her pending request; a member already stays as she is. Runs in the caller's
	 * transaction; false when the group is not the institution's.
	 */
	@Transactional
	public boolean enrolReturner(long groupId, long institutionId, long personId) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM support_groups WHERE id = :g AND institution_id = :i")
			.param("g", groupId).param("i", institutionId).query(Long.class).single() == 0) {
			return false;
		}
		lock(groupId);
		LocalDateTime now = now();
		List<String> state = this.jdbc.sql("SELECT status FROM group_memberships WHERE group_id = :g AND user_id = :p")
			.param("g", groupId).param("p", personId).query(String.class).list();
		if (state.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO group_memberships (user_id, group_id, role, joined_at, status, notify_posts)
					VALUES (:p, :g, 'MEMBER', :now, 'ACTIVE', FALSE)""")
				.param("p", personId).param("g", groupId).param("now", now).update();
			counted(groupId, +1, now);
		}
		else if (PENDING.equals(state.get(0))) {
			this.jdbc.sql("UPDATE group_memberships SET status = 'ACTIVE' WHERE group_id = :g AND user_id = :p")
				.param("g", groupId).param("p", personId).update();
			counted(groupId, +1, now);
		}
		return true;
	}

	/** Leaves the group (or withdraws a pending request). Leaving twice changes nothing. */
	@Transactional
	public GroupSummary leave(long id) {
		Actor actor = this.tenancy.actor();
		lock(id);
		summary(id, actor);
		LocalDateTime now = now();
		int active = this.jdbc.sql("DELETE FROM group_memberships WHERE group_id = :g AND user_id = :me AND status = 'ACTIVE'")
			.param("g", id).param("me", actor.id()).update();
		if (active == 1) {
			counted(id, -1, now);
		}
		else {
			this.jdbc.sql("DELETE FROM group_memberships WHERE group_id = :g AND user_id = :me").param("g", id)
				.param("me", actor.id()).update();
		}
		return summary(id, actor);
	}

	/** Whether the caller hears of new posts in a group they belong to. */
	@Transactional
	public GroupSummary notifyPosts(long id, boolean notify) {
		Actor actor = this.tenancy.actor();
		GroupSummary group = summary(id, actor);
		if (group.myStatus() == null) {
			throw new StateTransitionException("Join the group first.");
		}
		this.jdbc.sql("UPDATE group_memberships SET notify_posts = :n WHERE group_id = :g AND user_id = :me")
			.param("n", notify).param("g", id).param("me", actor.id()).update();
		return summary(id, actor);
	}

	/** Lets a pending member in: the group's moderators and the institution's administrators. */
	@Transactional
	public void approve(long id, long userId) {
		Actor actor = this.tenancy.actor();
		lock(id);
		GroupSummary group = requireModerator(id, actor);
		int changed = this.jdbc.sql("""
				UPDATE group_memberships SET status = 'ACTIVE', joined_at = :now
				WHERE group_id = :g AND user_id = :u AND status = 'PENDING'""")
			.param("now", now()).param("g", id).param("u", userId).update();
		if (changed != 1) {
			throw new NotFoundException("Request not found");
		}
		counted(id, +1, now());
		this.events.publishEvent(new GroupJoinApproved(id, group.name(), userId, actor.id()));
	}

	/** Turns a pending request down: the group's moderators and the institution's administrators. */
	@Transactional
	public void decline(long id, long userId) {
		requireModerator(id, this.tenancy.actor());
		int changed = this.jdbc.sql("DELETE FROM group_memberships WHERE group_id = :g AND user_id = :u AND status = 'PENDING'")
			.param("g", id).param("u", userId).update();
		if (changed != 1) {
			throw new NotFoundException("Request not found");
		}
	}

	/** Appoints an active member as moderator, or back to member: administrators only. */
	@Transactional
	public void appoint(long id, long userId, boolean moderator) {
		Actor actor = this.tenancy.actor();
		summary(id, actor);
		if (!this.tenancy.hasRole("ADMIN")) {
			throw new AccessDeniedException("Administrators appoint moderators.");
		}
		int changed = this.jdbc.sql("""
				UPDATE group_memberships SET role = :role WHERE group_id = :g AND user_id = :u AND status = 'ACTIVE'""")
			.param("role", moderator ? MODERATOR : "MEMBER").param("g", id).param("u", userId).update();
		if (changed != 1) {
			throw new NotFoundException("Member not found");
		}
	}

	/** A post (or, with {@code parentId}, a reply to one) by an active member (403 otherwise). */
	@Transactional
	public PostView post(long id, String body, Long parentId) {
		Actor actor = this.tenancy.actor();
		lock(id);
		GroupSummary group = summary(id, actor);
		if (!group.active()) {
			throw new AccessDeniedException("Join the group to post in it.");
		}
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("body", "Write something first.");
		}
		if (text.length() > MAX_POST) {
			throw new InvalidInputException("body", "A post has at most " + MAX_POST + " characters.");
		}
		if (parentId != null && this.jdbc.sql("""
				SELECT COUNT(*) FROM group_posts WHERE id = :p AND group_id = :g AND parent_id IS NULL AND removed_at IS NULL""")
			.param("p", parentId).param("g", id).query(Long.class).single() == 0) {
			throw new InvalidInputException("parentId", "Reply to a post of this group.");
		}
		LocalDateTime now = now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO group_posts (group_id, author_id, parent_id, body, created_at)
				VALUES (:g, :me, :parent, :body, :now)""")
			.param("g", id).param("me", actor.id()).param("parent", parentId).param("body", text).param("now", now)
			.update(keys, "id");
		long postId = keys.getKeyAs(Number.class).longValue();
		counted(id, 0, now);
		List<Long> recipients = this.jdbc.sql("""
				SELECT user_id FROM group_memberships
				WHERE group_id = :g AND status = 'ACTIVE' AND notify_posts = TRUE AND user_id <> :me ORDER BY user_id""")
			.param("g", id).param("me", actor.id()).query(Long.class).list();
		this.events.publishEvent(new GroupPostPublished(id, group.name(), postId, actor.id(), recipients));
		return post(id, postId);
	}

	/** Removes a post, leaving a tombstone (its text is erased): the group's moderators and the administrators. */
	@Transactional
	public void remove(long id, long postId) {
		Actor actor = this.tenancy.actor();
		requireModerator(id, actor);
		int changed = this.jdbc.sql("""
				UPDATE group_posts SET body = '', removed_at = :now, removed_by_id = :me
				WHERE id = :p AND group_id = :g AND removed_at IS NULL""")
			.param("now", now()).param("me", actor.id()).param("p", postId).param("g", id).update();
		if (changed != 1) {
			throw new NotFoundException("Post not found");
		}
	}

	/** Reports a post to the institution's administrators (platform {@link AbuseReported}, quoting only that post). */
	@Transactional
	public void report(long id, long postId, String reason) {
		Actor actor = this.tenancy.actor();
		GroupSummary group = summary(id, actor);
		if (!group.active() && !this.tenancy.hasRole("ADMIN")) {
			throw new NotFoundException("Post not found");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.length() > 1_000) {
			throw new InvalidInputException("reason", "A reason has at most 1000 characters.");
		}
		PostView post = post(id, postId);
		if (post.removed()) {
			throw new StateTransitionException("This post was removed already.");
		}
		this.events.publishEvent(new AbuseReported(actor.institutionId(), actor.id(), post.authorId(), "GROUP_POST",
				postId, post.body(), why, "/groups/" + id + "#post-" + postId));
	}

	private GroupSummary requireModerator(long id, Actor actor) {
		GroupSummary group = summary(id, actor);
		if (!group.moderator() && !this.tenancy.hasRole("ADMIN")) {
			if (group.active()) {
				throw new AccessDeniedException("Only the group's moderators may do this.");
			}
			throw new NotFoundException("Group not found");
		}
		return group;
	}

	/**
	 * Locks the group's row before a membership or post is written: the foreign key check of that insert
	 * takes a shared lock on the row (InnoDB), and two such transactions upgrading to the counter's update
	 * would deadlock; locking first makes them queue instead.
	 */
	private void lock(long id) {
		this.jdbc.sql("SELECT id FROM support_groups WHERE id = :g FOR UPDATE").param("g", id).query(Long.class).list();
	}

	/** The change of ACTIVE members (+1, -1 or 0 for activity only) and the activity time, in one atomic statement. */
	private void counted(long id, int delta, LocalDateTime now) {
		this.jdbc.sql("""
				UPDATE support_groups SET member_count = member_count + :delta,
				       last_active_at = CASE WHEN last_active_at IS NULL OR last_active_at < :now THEN :now ELSE last_active_at END
				WHERE id = :g""")
			.param("delta", delta).param("now", now).param("g", id).update();
	}

	private GroupSummary summary(long id, Actor actor) {
		if (actor.institutionId() == null) {
			throw new NotFoundException("Group not found");
		}
		return this.jdbc.sql("""
				SELECT g.id, g.name, g.description, g.is_private, g.member_count, g.last_active_at,
				       gm.status AS my_status, gm.role AS my_role, gm.notify_posts
				FROM support_groups g
				LEFT JOIN group_memberships gm ON gm.group_id = g.id AND gm.user_id = :me
				WHERE g.id = :g AND g.institution_id = :institution""")
			.param("me", actor.id())
			.param("g", id)
			.param("institution", actor.institutionId())
			.query((rs, i) -> GroupSummary.of(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("Group not found"));
	}

	private static final String POST_COLUMNS = """
			p.id, p.parent_id, p.author_id, a.full_name, p.body, p.removed_at, p.created_at""";

	private PostView post(long groupId, long postId) {
		return this.jdbc.sql("SELECT " + POST_COLUMNS
				+ " FROM group_posts p LEFT JOIN identity_people a ON a.id = p.author_id WHERE p.id = :p AND p.group_id = :g")
			.param("p", postId).param("g", groupId)
			.query((rs, i) -> PostView.of(rs, List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("Post not found"));
	}

	/** The latest posts with all their replies, in one statement. */
	private List<PostView> posts(long groupId) {
		Map<Long, PostView> top = new LinkedHashMap<>();
		Map<Long, List<PostView>> replies = new LinkedHashMap<>();
		this.jdbc.sql("SELECT " + POST_COLUMNS + """
				 FROM group_posts p LEFT JOIN identity_people a ON a.id = p.author_id
				WHERE p.group_id = :g AND (p.id IN (SELECT t.id FROM (SELECT id FROM group_posts WHERE group_id = :g
				        AND parent_id IS NULL ORDER BY created_at DESC, id DESC LIMIT :limit) t)
				   OR p.parent_id IN (SELECT t.id FROM (SELECT id FROM group_posts WHERE group_id = :g
				        AND parent_id IS NULL ORDER BY created_at DESC, id DESC LIMIT :limit) t))
				ORDER BY p.created_at, p.id""")
			.param("g", groupId).param("limit", POSTS_SHOWN)
			.query(rs -> {
				long parent = rs.getLong("parent_id");
				if (rs.wasNull()) {
					PostView post = PostView.of(rs, new ArrayList<>());
					top.put(post.id(), post);
				}
				else {
					replies.computeIfAbsent(parent, k -> new ArrayList<>()).add(PostView.of(rs, List.of()));
				}
			});
		List<PostView> posts = new ArrayList<>();
		top.values().forEach(p -> posts.add(0, p.withReplies(replies.getOrDefault(p.id(), List.of()))));
		return posts;
	}

	private List<MemberView> members(long groupId) {
		return this.jdbc.sql("""
				SELECT gm.user_id, p.full_name, gm.role, gm.status, gm.joined_at
				FROM group_memberships gm JOIN identity_people p ON p.id = gm.user_id
				WHERE gm.group_id = :g ORDER BY gm.status, p.full_name, gm.user_id""")
			.param("g", groupId)
			.query((rs, i) -> new MemberView(rs.getLong("user_id"), rs.getString("full_name"), rs.getString("role"),
					rs.getString("status"), rs.getObject("joined_at", LocalDateTime.class)))
			.list();
	}

	private LocalDateTime now() {
		return LocalDateTime.now(this.clock.withZone(ZoneOffset.UTC));
	}

}
