package org.mentorhub.learning;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.People;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.resource.Resources;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Paged;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learning module's API: an institution's learning paths, their ordered modules, each learner's
 * progress and mentors' recommendations. {@link LearningAccess} decides who may do what; anything out
 * of reach (another institution's path, a draft for a learner, a module of another path, a person who
 * is not the mentor's active mentee) is "not found".
 * <p>
 * A learner's progress is always recomputed from their completion rows, never counted up or down:
 * {@code progress_pct} is the completed share of the path's modules (rounded down) and
 * {@code completed_at} is set once every module is completed and cleared when one is not. Adding or
 * removing a module recomputes every enrolment of the path in the same transaction with one statement.
 * Modules are edited in place by id, so completions of the modules that remain are never lost.
 * <p>
 * A mentor's view of a mentee's progress is audited as {@code LEARNING_PROGRESS_READ} (entity
 * {@code user_learning_progress}, one row per progress row shown), as reads of student data are
 * (QUALITY S12).
 */
@Service
public class LearningPaths {

	/** The longest title of a path or module. */
	public static final int MAX_TITLE = 200;

	/** The longest category. */
	public static final int MAX_CATEGORY = 64;

	/** The longest description of a path. */
	public static final int MAX_DESCRIPTION = 5_000;

	/** The longest text of a module. */
	public static final int MAX_CONTENT = 20_000;

	/** The longest URL of a module. */
	public static final int MAX_URL = 1_000;

	/** The longest note of a recommendation. */
	public static final int MAX_NOTE = 1_000;

	/** The most minutes a module may take. */
	public static final int MAX_MINUTES = 10_000;

	/** The largest page of a list. */
	public static final int MAX_PAGE_SIZE = 100;

	/** The most modules a path may have. */
	public static final int MAX_MODULES = 200;

	static final String PROGRESS_READ = "LEARNING_PROGRESS_READ";

	/** One page of paths. */
	public record PathPage(List<PathView> items, long total, int page, int size) implements Paged {
	}

	/** A published path to choose from (the recommendation form). */
	public record PathChoice(long id, String title) {
	}

	/** A mentee to choose from (the recommendation form). */
	public record MenteeChoice(long id, String fullName) {
	}

	private static final String PATH_COLUMNS = """
			lp.id, lp.title, lp.category, lp.description, lp.is_published, lp.published_at, lp.updated_at, lp.version,
			lp.institution_id,
			(SELECT COUNT(*) FROM learning_path_modules m WHERE m.path_id = lp.id) AS module_count,
			(SELECT COALESCE(SUM(m.estimated_minutes), 0) FROM learning_path_modules m WHERE m.path_id = lp.id) AS total_minutes""";

	private static final String PROGRESS_COLUMNS = """
			ulp.id AS progress_id, ulp.user_id, ulp.path_id, lp.title, lp.category, ulp.progress_pct, ulp.started_at,
			ulp.completed_at,
			(SELECT COUNT(*) FROM learning_module_completions c WHERE c.progress_id = ulp.id) AS done,
			(SELECT COUNT(*) FROM learning_path_modules m WHERE m.path_id = ulp.path_id) AS module_count""";

	private final JdbcClient jdbc;

	private final LearningAccess access;

	private final People people;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Resources resources;

	LearningPaths(JdbcClient jdbc, LearningAccess access, People people, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, Resources resources) {
		this.resources = resources;
		this.jdbc = jdbc;
		this.access = access;
		this.people = people;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- reading

	/**
	 * The institution's published paths whose title or description contains {@code query} (case does not
	 * matter) in the category (both may be empty), by title.
	 */
	@Transactional(readOnly = true)
	public PathPage catalogue(String query, String category, int page, int size) {
		return page(this.access.reader(), true, query, category, page, size);
	}

	/** The institution's drafts, for its authors (403 for anyone else), most recently changed first. */
	@Transactional(readOnly = true)
	public PathPage drafts(int page, int size) {
		LearningAccess.Reader reader = this.access.reader();
		if (!reader.author()) {
			throw new AccessDeniedException("Only administrators and coordinators see drafts.");
		}
		return page(reader, false, null, null, page, size);
	}

	/** Whether the caller authors paths (an administrator or coordinator of an institution). */
	public boolean mayAuthor() {
		return this.access.reader().author();
	}

	/** Fails (403) unless the caller authors paths. */
	public void requireAuthoring() {
		requireAuthor(this.access.reader());
	}

	/**
	 * Fails unless the caller may edit this path: "not found" for a path they may not see, 403 for one
	 * they see but do not author.
	 */
	@Transactional(readOnly = true)
	public void requireAuthoring(long id) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), id);
		visiblePath(reader, id);
	}

	/** The categories of the institution's published paths, in order. */
	@Transactional(readOnly = true)
	public List<String> categories() {
		LearningAccess.Reader reader = this.access.reader();
		return this.jdbc.sql("""
				SELECT DISTINCT category FROM learning_paths WHERE institution_id = :inst AND is_published = TRUE
				ORDER BY category""")
			.param("inst", reader.institutionId())
			.query(String.class)
			.list();
	}

	/** A path with its modules and the caller's progress, if the caller may see it. */
	@Transactional(readOnly = true)
	public PathDetails get(long id) {
		LearningAccess.Reader reader = this.access.reader();
		PathView path = visiblePath(reader, id);
		Optional<Long> progressId = progressId(reader.id(), id);
		Set<Long> done = new HashSet<>();
		progressId.ifPresent(p -> done.addAll(this.jdbc.sql(
				"SELECT module_id FROM learning_module_completions WHERE progress_id = :p")
			.param("p", p)
			.query(Long.class)
			.list()));
		List<ModuleView> modules = modules(id, done);
		ProgressView progress = progressId.isEmpty() ? null : progressOf(reader.id(), id).orElse(null);
		return new PathDetails(path, modules, progress, reader.author());
	}

	/** The caller's progress on the published paths they follow, most recently changed first. */
	@Transactional(readOnly = true)
	public List<ProgressView> mine() {
		LearningAccess.Reader reader = this.access.reader();
		return this.jdbc.sql("SELECT " + PROGRESS_COLUMNS + """
				 FROM user_learning_progress ulp JOIN learning_paths lp ON lp.id = ulp.path_id
				WHERE ulp.user_id = :me AND lp.is_published = TRUE AND lp.institution_id = :inst
				ORDER BY ulp.updated_at DESC, ulp.id DESC""")
			.param("me", reader.id())
			.param("inst", reader.institutionId())
			.query((rs, i) -> progress(rs))
			.list();
	}

	/** The published paths recommended to the caller, newest first. */
	@Transactional(readOnly = true)
	public List<RecommendationView> recommendedToMe() {
		LearningAccess.Reader reader = this.access.reader();
		return recommendations(List.of(reader.id()), reader.institutionId());
	}

	/**
	 * The caller's active mentees, by name, each with their progress on published paths and what was
	 * recommended to them: a fixed number of queries, whatever the number of mentees (audited).
	 */
	@Transactional
	public List<MenteeProgress> mentees() {
		LearningAccess.Reader reader = this.access.reader();
		List<Long> ids = this.access.activeMentees(reader.id());
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = this.people.names(ids);
		Map<Long, List<ProgressView>> progress = new LinkedHashMap<>();
		List<Long> progressIds = new ArrayList<>();
		this.jdbc.sql("SELECT " + PROGRESS_COLUMNS + """
				 FROM user_learning_progress ulp JOIN learning_paths lp ON lp.id = ulp.path_id
				WHERE ulp.user_id IN (:ids) AND lp.is_published = TRUE AND lp.institution_id = :inst
				ORDER BY ulp.updated_at DESC, ulp.id DESC""")
			.param("ids", ids)
			.param("inst", reader.institutionId())
			.query((rs, i) -> {
				progressIds.add(rs.getLong("progress_id"));
				return progress(rs);
			})
			.list()
			.forEach(p -> progress.computeIfAbsent(p.learnerId(), k -> new ArrayList<>()).add(p));
		Map<Long, List<RecommendationView>> recommended = new LinkedHashMap<>();
		recommendations(ids, reader.institutionId())
			.forEach(r -> recommended.computeIfAbsent(r.menteeId(), k -> new ArrayList<>()).add(r));
		this.audit.recordAll(progressIds.stream().map(id -> AuditRecord.of(PROGRESS_READ, "user_learning_progress", id))
			.toList());
		return ids.stream()
			.filter(names::containsKey)
			.sorted((a, b) -> names.get(a).compareToIgnoreCase(names.get(b)))
			.map(id -> new MenteeProgress(id, names.get(id), progress.getOrDefault(id, List.of()),
					recommended.getOrDefault(id, List.of())))
			.toList();
	}

	/** The caller's active mentees, by name (the recommendation form). */
	@Transactional(readOnly = true)
	public List<MenteeChoice> menteeChoices() {
		LearningAccess.Reader reader = this.access.reader();
		List<Long> ids = this.access.activeMentees(reader.id());
		Map<Long, String> names = ids.isEmpty() ? Map.of() : this.people.names(ids);
		return names.entrySet().stream()
			.map(e -> new MenteeChoice(e.getKey(), e.getValue()))
			.sorted((a, b) -> a.fullName().compareToIgnoreCase(b.fullName()))
			.toList();
	}

	/** The institution's published paths, by title (the recommendation form; at most 500). */
	@Transactional(readOnly = true)
	public List<PathChoice> pathChoices() {
		LearningAccess.Reader reader = this.access.reader();
		return this.jdbc.sql("""
				SELECT id, title FROM learning_paths WHERE institution_id = :inst AND is_published = TRUE
				ORDER BY title, id LIMIT 500""")
			.param("inst", reader.institutionId())
			.query((rs, i) -> new PathChoice(rs.getLong("id"), rs.getString("title")))
			.list();
	}

	// ---------------------------------------------------------------- authoring

	/** Creates a draft path (authors only: 403 for anyone else). */
	@Transactional
	public PathView create(PathInput input) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader());
		PathInput in = input == null ? new PathInput(null, null, null) : input;
		List<FieldProblem> problems = new ArrayList<>();
		String title = title(in.title(), problems);
		String category = category(in.category(), problems);
		String description = text(in.description(), "description", MAX_DESCRIPTION, problems);
		fail(problems);
		LocalDateTime now = utc(this.clock.instant());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO learning_paths (institution_id, title, category, description, is_published, created_by_id,
				                            created_at, updated_at, version)
				VALUES (:inst, :title, :category, :description, FALSE, :me, :now, :now, 0)""")
			.param("inst", reader.institutionId())
			.param("title", title)
			.param("category", category)
			.param("description", description)
			.param("me", reader.id())
			.param("now", now)
			.update(keys, "id");
		return find(keys.getKeyAs(Number.class).longValue(), reader.institutionId()).orElseThrow();
	}

	/** Changes a path's title, category and description, naming the version read (409 when stale). */
	@Transactional
	public PathView update(long id, PathInput input, Long version) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), id);
		visiblePath(reader, id);
		PathInput in = input == null ? new PathInput(null, null, null) : input;
		List<FieldProblem> problems = new ArrayList<>();
		String title = title(in.title(), problems);
		String category = category(in.category(), problems);
		String description = text(in.description(), "description", MAX_DESCRIPTION, problems);
		version(version, problems);
		fail(problems);
		int changed = this.jdbc.sql("""
				UPDATE learning_paths SET title = :title, category = :category, description = :description,
				                          updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("title", title)
			.param("category", category)
			.param("description", description)
			.param("now", utc(this.clock.instant()))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale learning path " + id);
		}
		return find(id, reader.institutionId()).orElseThrow();
	}

	/** Publishes a path with at least one module into the catalogue (409 without modules). */
	@Transactional
	public PathView publish(long id) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), id);
		PathView path = visiblePath(reader, id);
		if (path.moduleCount() == 0) {
			throw new StateTransitionException("Add at least one module before publishing the path.");
		}
		if (!path.published()) {
			Instant now = this.clock.instant();
			this.jdbc.sql("""
					UPDATE learning_paths SET is_published = TRUE, published_at = :now, updated_at = :now,
					                          version = version + 1 WHERE id = :id""")
				.param("now", utc(now))
				.param("id", id)
				.update();
		}
		return find(id, reader.institutionId()).orElseThrow();
	}

	/** Takes a path out of the catalogue: a draft again, its learners' progress kept. */
	@Transactional
	public PathView unpublish(long id) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), id);
		PathView path = visiblePath(reader, id);
		if (path.published()) {
			this.jdbc.sql("""
					UPDATE learning_paths SET is_published = FALSE, updated_at = :now, version = version + 1 WHERE id = :id""")
				.param("now", utc(this.clock.instant()))
				.param("id", id)
				.update();
		}
		return find(id, reader.institutionId()).orElseThrow();
	}

	/** Deletes a draft with its modules (409 for a published path: unpublish it first). */
	@Transactional
	public void delete(long id) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), id);
		PathView path = visiblePath(reader, id);
		if (path.published()) {
			throw new StateTransitionException("Unpublish the path before deleting it.");
		}
		this.jdbc.sql("DELETE FROM learning_paths WHERE id = :id").param("id", id).update();
	}

	/**
	 * Adds a module at the end of a path; every enrolment of the path is recomputed (a learner who had
	 * completed the path has not any more).
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public ModuleView addModule(long pathId, ModuleInput input) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), pathId);
		PathView path = visiblePath(reader, pathId);
		Checked module = module(input);
		requireLibraryResource(module, reader);
		if (path.moduleCount() >= MAX_MODULES) {
			throw new InvalidInputException("title", "A path has at most " + MAX_MODULES + " modules.");
		}
		Instant now = this.clock.instant();
		lockPath(pathId, now);
		lockEnrolments(pathId);
		int position = this.jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM learning_path_modules WHERE path_id = :p")
			.param("p", pathId)
			.query(Integer.class)
			.single() + 1;
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO learning_path_modules (path_id, position, title, kind, content, content_url, resource_id,
				                                   estimated_minutes)
				VALUES (:path, :position, :title, :kind, :content, :url, :resource, :minutes)""")
			.param("path", pathId)
			.param("position", position)
			.params(module.params())
			.update(keys, "id");
		recompute(pathId, null, path.title(), now);
		long id = keys.getKeyAs(Number.class).longValue();
		return modules(pathId, Set.of()).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
	}

	/** Changes a module in place (its id, place and completions stay). */
	@Transactional
	public ModuleView updateModule(long pathId, long moduleId, ModuleInput input) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), pathId);
		visiblePath(reader, pathId);
		requireModule(pathId, moduleId);
		Checked module = module(input);
		requireLibraryResource(module, reader);
		this.jdbc.sql("""
				UPDATE learning_path_modules SET title = :title, kind = :kind, content = :content, content_url = :url,
				                                 resource_id = :resource, estimated_minutes = :minutes
				WHERE id = :id AND path_id = :path""")
			.params(module.params())
			.param("id", moduleId)
			.param("path", pathId)
			.update();
		touch(pathId);
		return modules(pathId, Set.of()).stream().filter(m -> m.id() == moduleId).findFirst().orElseThrow();
	}

	/** Moves a module one place up or down (a no-op at either end); 400 for another direction. */
	@Transactional
	public void moveModule(long pathId, long moduleId, String direction) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), pathId);
		visiblePath(reader, pathId);
		String way = direction == null ? "" : direction.strip().toLowerCase(Locale.ROOT);
		if (!way.equals("up") && !way.equals("down")) {
			throw new InvalidInputException("direction", "Move a module up or down.");
		}
		int position = requireModule(pathId, moduleId);
		lockPath(pathId, this.clock.instant());
		Optional<long[]> neighbour = this.jdbc.sql("up".equals(way) ? """
				SELECT id, position FROM learning_path_modules WHERE path_id = :p AND position < :pos
				ORDER BY position DESC LIMIT 1""" : """
				SELECT id, position FROM learning_path_modules WHERE path_id = :p AND position > :pos
				ORDER BY position LIMIT 1""")
			.param("p", pathId)
			.param("pos", position)
			.query((rs, i) -> new long[] { rs.getLong("id"), rs.getLong("position") })
			.optional();
		if (neighbour.isEmpty()) {
			return;
		}
		// Positions are unique per path and checked row by row: park one module past the end first.
		int parked = this.jdbc.sql("SELECT MAX(position) FROM learning_path_modules WHERE path_id = :p")
			.param("p", pathId)
			.query(Integer.class)
			.single() + 1;
		setPosition(moduleId, parked);
		setPosition(neighbour.get()[0], position);
		setPosition(moduleId, (int) neighbour.get()[1]);
	}

	/**
	 * Removes a module with its completions; every enrolment of the path is recomputed (a learner may
	 * complete the path by it: {@link PathCompleted}).
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public void removeModule(long pathId, long moduleId) {
		LearningAccess.Reader reader = requireAuthor(this.access.reader(), pathId);
		PathView path = visiblePath(reader, pathId);
		requireModule(pathId, moduleId);
		Instant now = this.clock.instant();
		lockPath(pathId, now);
		lockEnrolments(pathId);
		this.jdbc.sql("DELETE FROM learning_path_modules WHERE id = :id AND path_id = :p")
			.param("id", moduleId)
			.param("p", pathId)
			.update();
		recompute(pathId, null, path.title(), now);
	}

	// ---------------------------------------------------------------- learning

	/** Enrols the caller in a published path; enrolling again changes nothing. */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public ProgressView enrol(long pathId) {
		LearningAccess.Reader reader = this.access.reader();
		PathView path = visiblePath(reader, pathId);
		if (!path.published()) {
			throw new StateTransitionException("Only a published path can be followed.");
		}
		// One person's enrolments one after the other; the unique constraint is the last word.
		this.people.lock(List.of(reader.id()));
		if (progressId(reader.id(), pathId).isEmpty()) {
			LocalDateTime now = utc(this.clock.instant());
			try {
				this.jdbc.sql("""
						INSERT INTO user_learning_progress (user_id, path_id, progress_pct, started_at, completed_at, updated_at)
						VALUES (:me, :path, 0, :now, NULL, :now)""")
					.param("me", reader.id())
					.param("path", pathId)
					.param("now", now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new StateTransitionException("You are already following this path.");
			}
		}
		return progressOf(reader.id(), pathId).orElseThrow();
	}

	/**
	 * Marks a module of a path the caller follows as completed (again: no change); "not found" when they
	 * have not enrolled (there is no progress of theirs to change).
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public ProgressView complete(long pathId, long moduleId) {
		return mark(pathId, moduleId, true);
	}

	/** Marks a module as not completed; the path is then not completed either. */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public ProgressView uncomplete(long pathId, long moduleId) {
		return mark(pathId, moduleId, false);
	}

	/**
	 * Recommends a published path to one of the caller's active mentees (404 for anyone else), with an
	 * optional note; 409 when it was already recommended to them. Publishes {@link PathRecommended}.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public RecommendationView recommend(Long pathId, Long menteeId, String note) {
		LearningAccess.Reader reader = this.access.reader();
		List<FieldProblem> problems = new ArrayList<>();
		if (pathId == null) {
			problems.add(new FieldProblem("pathId", "Choose a path."));
		}
		if (menteeId == null) {
			problems.add(new FieldProblem("menteeId", "Choose a mentee."));
		}
		String text = text(note, "note", MAX_NOTE, problems);
		fail(problems);
		if (!this.access.isActiveMentor(reader.id(), menteeId)) {
			throw new NotFoundException("Mentee not found");
		}
		PathView path = visiblePath(reader, pathId);
		if (!path.published()) {
			throw new NotFoundException("Learning path not found");
		}
		this.people.lock(List.of(menteeId));
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM learning_recommendations WHERE mentee_id = :e AND path_id = :p")
			.param("e", menteeId)
			.param("p", pathId)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			throw new StateTransitionException("This path was already recommended to this mentee.");
		}
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("""
					INSERT INTO learning_recommendations (path_id, mentor_id, mentee_id, note, created_at)
					VALUES (:p, :me, :e, :note, :now)""")
				.param("p", pathId)
				.param("me", reader.id())
				.param("e", menteeId)
				.param("note", text)
				.param("now", utc(now))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new StateTransitionException("This path was already recommended to this mentee.");
		}
		long id = keys.getKeyAs(Number.class).longValue();
		this.events.publishEvent(new PathRecommended(id, pathId, path.title(), reader.id(), menteeId, now));
		return recommendations(List.of(menteeId), reader.institutionId()).stream()
			.filter(r -> r.id() == id)
			.findFirst()
			.orElseThrow();
	}

	// ---------------------------------------------------------------- internals

	private ProgressView mark(long pathId, long moduleId, boolean done) {
		LearningAccess.Reader reader = this.access.reader();
		PathView path = visiblePath(reader, pathId);
		requireModule(pathId, moduleId);
		long progress = progressId(reader.id(), pathId)
			.orElseThrow(() -> new NotFoundException("Enrolment not found: enrol in the path before completing its modules."));
		Instant now = this.clock.instant();
		// Locks the enrolment: two completions of the same learner run one after the other.
		this.jdbc.sql("UPDATE user_learning_progress SET updated_at = :now WHERE id = :id")
			.param("now", utc(now))
			.param("id", progress)
			.update();
		if (done) {
			this.jdbc.sql("""
					INSERT INTO learning_module_completions (progress_id, module_id, completed_at)
					SELECT :progress, :module, :now FROM learning_path_modules
					WHERE id = :module AND NOT EXISTS (SELECT 1 FROM learning_module_completions c
					                                   WHERE c.progress_id = :progress AND c.module_id = :module)""")
				.param("progress", progress)
				.param("module", moduleId)
				.param("now", utc(now))
				.update();
		}
		else {
			this.jdbc.sql("DELETE FROM learning_module_completions WHERE progress_id = :progress AND module_id = :module")
				.param("progress", progress)
				.param("module", moduleId)
				.update();
		}
		recompute(pathId, progress, path.title(), now);
		return progressOf(reader.id(), pathId).orElseThrow();
	}

	/**
	 * Recomputes progress from the completion rows, for one enrolment or (null) every enrolment of the
	 * path, in one statement; publishes {@link PathCompleted} for each enrolment that became complete.
	 */
	private void recompute(long pathId, Long progressId, String title, Instant now) {
		String which = progressId == null ? "" : " AND id = :progress";
		List<Long> open = this.jdbc.sql("SELECT user_id FROM user_learning_progress WHERE path_id = :path"
				+ " AND completed_at IS NULL" + which)
			.param("path", pathId)
			.params(progressId == null ? Map.of() : Map.of("progress", progressId))
			.query(Long.class)
			.list();
		int total = this.jdbc.sql("SELECT COUNT(*) FROM learning_path_modules WHERE path_id = :path")
			.param("path", pathId)
			.query(Integer.class)
			.single();
		String done = "(SELECT COUNT(*) FROM learning_module_completions c WHERE c.progress_id = user_learning_progress.id)";
		this.jdbc.sql("UPDATE user_learning_progress SET progress_pct = CASE WHEN :total = 0 THEN 0 ELSE FLOOR(" + done
				+ " * 100.0 / :total) END, completed_at = CASE WHEN :total > 0 AND " + done
				+ " >= :total THEN COALESCE(completed_at, :now) ELSE NULL END, updated_at = :now WHERE path_id = :path"
				+ which)
			.param("total", total)
			.param("now", utc(now))
			.param("path", pathId)
			.params(progressId == null ? Map.of() : Map.of("progress", progressId))
			.update();
		if (open.isEmpty() || total == 0) {
			return;
		}
		List<Long> completed = this.jdbc.sql("""
				SELECT user_id FROM user_learning_progress
				WHERE path_id = :path AND completed_at IS NOT NULL AND user_id IN (:open)""")
			.param("path", pathId)
			.param("open", open)
			.query(Long.class)
			.list();
		if (completed.isEmpty()) {
			return;
		}
		Map<Long, List<Long>> mentors = this.access.activeMentors(completed);
		for (long learner : completed) {
			this.events.publishEvent(new PathCompleted(pathId, title, learner, mentors.getOrDefault(learner, List.of()),
					now));
		}
	}

	private void lockPath(long pathId, Instant now) {
		this.jdbc.sql("UPDATE learning_paths SET updated_at = :now WHERE id = :id")
			.param("now", utc(now))
			.param("id", pathId)
			.update();
	}

	private void touch(long pathId) {
		lockPath(pathId, this.clock.instant());
	}

	/** Locks every enrolment of the path before its modules change (learners lock their own first). */
	private void lockEnrolments(long pathId) {
		this.jdbc.sql("SELECT id FROM user_learning_progress WHERE path_id = :p ORDER BY id FOR UPDATE")
			.param("p", pathId)
			.query(Long.class)
			.list();
	}

	private void setPosition(long moduleId, int position) {
		this.jdbc.sql("UPDATE learning_path_modules SET position = :pos WHERE id = :id")
			.param("pos", position)
			.param("id", moduleId)
			.update();
	}

	/** The module's position, or "not found" when it is not a module of this path. */
	private int requireModule(long pathId, long moduleId) {
		return this.jdbc.sql("SELECT position FROM learning_path_modules WHERE id = :id AND path_id = :p")
			.param("id", moduleId)
			.param("p", pathId)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Module not found"));
	}

	private PathPage page(LearningAccess.Reader reader, boolean published, String query, String category, int page,
			int size) {
		List<FieldProblem> problems = new ArrayList<>();
		if (page < 0) {
			problems.add(new FieldProblem("page", "The first page is 0."));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "A page has 1 to " + MAX_PAGE_SIZE + " paths."));
		}
		String q = query == null ? "" : query.strip();
		if (q.length() > MAX_TITLE) {
			problems.add(new FieldProblem("q", "Search for at most " + MAX_TITLE + " characters."));
		}
		String c = category == null ? "" : category.strip();
		if (c.length() > MAX_CATEGORY) {
			problems.add(new FieldProblem("category", "A category is at most " + MAX_CATEGORY + " characters."));
		}
		fail(problems);
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder("lp.institution_id = :inst AND lp.is_published = :published");
		params.put("inst", reader.institutionId());
		params.put("published", published);
		if (!q.isEmpty()) {
			where.append(" AND (LOWER(lp.title) LIKE :q OR LOWER(lp.description) LIKE :q)");
			params.put("q", "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%");
		}
		if (!c.isEmpty()) {
			where.append(" AND lp.category = :category");
			params.put("category", c);
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM learning_paths lp WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<PathView> items = total == 0 ? List.of()
				: this.jdbc.sql("SELECT " + PATH_COLUMNS + " FROM learning_paths lp WHERE " + where
						+ (published ? " ORDER BY lp.title, lp.id" : " ORDER BY lp.updated_at DESC, lp.id DESC")
						+ " LIMIT :limit OFFSET :offset")
					.params(params)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query((rs, i) -> path(rs))
					.list();
		return new PathPage(items, total, page, size);
	}

	/** The path if the caller may see it: their institution's, and published unless they author. */
	private PathView visiblePath(LearningAccess.Reader reader, long id) {
		PathView path = find(id, reader.institutionId()).orElseThrow(() -> new NotFoundException("Learning path not found"));
		if (!path.published() && !reader.author()) {
			throw new NotFoundException("Learning path not found");
		}
		return path;
	}

	private Optional<PathView> find(long id, long institutionId) {
		return this.jdbc.sql("SELECT " + PATH_COLUMNS + " FROM learning_paths lp WHERE lp.id = :id AND lp.institution_id = :inst")
			.param("id", id)
			.param("inst", institutionId)
			.query((rs, i) -> path(rs))
			.optional();
	}

	private LearningAccess.Reader requireAuthor(LearningAccess.Reader reader) {
		if (!reader.author()) {
			throw new AccessDeniedException("Only administrators and coordinators author learning paths.");
		}
		return reader;
	}

	/** An author, or: "not found" for a path the caller may not see, 403 for one they may. */
	private LearningAccess.Reader requireAuthor(LearningAccess.Reader reader, long pathId) {
		if (!reader.author()) {
			visiblePath(reader, pathId);
		}
		return requireAuthor(reader);
	}

	private Optional<Long> progressId(long userId, long pathId) {
		return this.jdbc.sql("SELECT id FROM user_learning_progress WHERE user_id = :u AND path_id = :p")
			.param("u", userId)
			.param("p", pathId)
			.query(Long.class)
			.optional();
	}

	private Optional<ProgressView> progressOf(long userId, long pathId) {
		return this.jdbc.sql("SELECT " + PROGRESS_COLUMNS + """
				 FROM user_learning_progress ulp JOIN learning_paths lp ON lp.id = ulp.path_id
				WHERE ulp.user_id = :u AND ulp.path_id = :p""")
			.param("u", userId)
			.param("p", pathId)
			.query((rs, i) -> progress(rs))
			.optional();
	}

	private List<ModuleView> modules(long pathId, Set<Long> done) {
		List<ModuleView> modules = new ArrayList<>();
		this.jdbc.sql("""
				SELECT id, title, kind, content, content_url, resource_id, estimated_minutes
				FROM learning_path_modules WHERE path_id = :p ORDER BY position, id""")
			.param("p", pathId)
			.query((rs, i) -> new ModuleView(rs.getLong("id"), i + 1, rs.getString("title"),
					ModuleKind.valueOf(rs.getString("kind")), rs.getString("content"), rs.getString("content_url"),
					rs.getObject("resource_id", Long.class), rs.getInt("estimated_minutes"),
					done.contains(rs.getLong("id"))))
			.list()
			.forEach(modules::add);
		return modules;
	}

	private List<RecommendationView> recommendations(List<Long> menteeIds, long institutionId) {
		List<Object[]> rows = this.jdbc.sql("""
				SELECT r.id, r.path_id, lp.title, r.mentor_id, r.mentee_id, r.note, r.created_at
				FROM learning_recommendations r JOIN learning_paths lp ON lp.id = r.path_id
				WHERE r.mentee_id IN (:ids) AND lp.institution_id = :inst AND lp.is_published = TRUE
				ORDER BY r.created_at DESC, r.id DESC""")
			.param("ids", menteeIds)
			.param("inst", institutionId)
			.query((rs, i) -> new Object[] { rs.getLong("id"), rs.getLong("path_id"), rs.getString("title"),
					rs.getLong("mentor_id"), rs.getLong("mentee_id"), rs.getString("note"),
					utc(rs.getObject("created_at", LocalDateTime.class)) })
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> {
			ids.add((Long) r[3]);
			ids.add((Long) r[4]);
		});
		Map<Long, String> names = this.people.names(ids);
		return rows.stream()
			.map(r -> new RecommendationView((Long) r[0], (Long) r[1], (String) r[2], (Long) r[3],
					names.getOrDefault((Long) r[3], "—"), (Long) r[4], names.getOrDefault((Long) r[4], "—"), (String) r[5],
					(Instant) r[6]))
			.toList();
	}

	/**
	 * A resource module points to a published resource of the author's institution's library (the
	 * resource module's facade decides); anything else is 400 on {@code resourceId}.
	 */
	private void requireLibraryResource(Checked module, LearningAccess.Reader reader) {
		Object resource = module.params().get("resource");
		if (resource != null && this.resources.published((Long) resource, reader.institutionId()).isEmpty()) {
			throw new InvalidInputException("resourceId", "Choose a published resource of your institution's library.");
		}
	}

	/** The published resources of the caller's institution an author may point a module to. */
	@Transactional(readOnly = true)
	public List<Resources.ResourceChoice> libraryChoices() {
		return this.resources.publishedChoices();
	}

	/** A module's input, checked, as the columns' parameters. */
	private record Checked(Map<String, Object> params) {
	}

	static Checked module(ModuleInput input) {
		ModuleInput in = input == null ? new ModuleInput(null, null, null, null, null, null) : input;
		List<FieldProblem> problems = new ArrayList<>();
		String title = title(in.title(), problems);
		ModuleKind kind = in.kind() == null || in.kind().isBlank() ? null : ModuleKind.of(in.kind()).orElse(null);
		if (kind == null) {
			problems.add(new FieldProblem("kind", "Choose a kind: reading, video, exercise, external link or resource."));
		}
		String content = text(in.content(), "content", MAX_CONTENT, problems);
		String url = url(in.url(), problems);
		Long resource = in.resourceId();
		if (resource != null && resource <= 0) {
			problems.add(new FieldProblem("resourceId", "A resource id is a positive number."));
		}
		if (in.estimatedMinutes() == null || in.estimatedMinutes() < 1 || in.estimatedMinutes() > MAX_MINUTES) {
			problems.add(new FieldProblem("estimatedMinutes",
					"Estimate the time in whole minutes, from 1 to " + MAX_MINUTES + "."));
		}
		if (kind != null) {
			switch (kind) {
				case READING -> {
					if (content == null && url == null) {
						problems.add(new FieldProblem("content", "A reading needs its text or a URL."));
					}
				}
				case EXERCISE -> {
					if (content == null) {
						problems.add(new FieldProblem("content", "Describe the exercise."));
					}
				}
				case VIDEO, EXTERNAL_LINK -> {
					if (url == null && !problems.stream().anyMatch(p -> p.field().equals("url"))) {
						problems.add(new FieldProblem("url", "Give the URL it opens."));
					}
				}
				case RESOURCE -> {
					if (resource == null) {
						problems.add(new FieldProblem("resourceId", "Give the library resource's id."));
					}
				}
			}
		}
		fail(problems);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("title", title);
		params.put("kind", kind.name());
		params.put("content", content);
		params.put("url", url);
		params.put("resource", kind == ModuleKind.RESOURCE ? resource : null);
		params.put("minutes", in.estimatedMinutes());
		return new Checked(params);
	}

	static String title(String value, List<FieldProblem> problems) {
		String title = value == null ? "" : value.strip();
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", "Give it a title."));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "A title is at most " + MAX_TITLE + " characters."));
		}
		return title;
	}

	static String category(String value, List<FieldProblem> problems) {
		String category = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (category.isEmpty()) {
			problems.add(new FieldProblem("category", "Give the path a category, such as leadership."));
		}
		else if (category.length() > MAX_CATEGORY) {
			problems.add(new FieldProblem("category", "A category is at most " + MAX_CATEGORY + " characters."));
		}
		return category;
	}

	static String text(String value, String field, int max, List<FieldProblem> problems) {
		String text = value == null || value.isBlank() ? null : value.strip();
		if (text != null && text.length() > max) {
			problems.add(new FieldProblem(field, "This text is at most " + max + " characters."));
		}
		return text;
	}

	/** An absolute http or https URL with a host, or null when empty. */
	static String url(String value, List<FieldProblem> problems) {
		String url = value == null || value.isBlank() ? null : value.strip();
		if (url == null) {
			return null;
		}
		if (url.length() > MAX_URL) {
			problems.add(new FieldProblem("url", "A URL is at most " + MAX_URL + " characters."));
			return url;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
				problems.add(new FieldProblem("url", "Give a web address that starts with https:// or http://."));
			}
		}
		catch (URISyntaxException ex) {
			problems.add(new FieldProblem("url", "Give a web address that starts with https:// or http://."));
		}
		return url;
	}

	static void version(Long version, List<FieldProblem> problems) {
		if (version == null || version < 0) {
			problems.add(new FieldProblem("version", "Send the version you read, so that a newer change is not lost."));
		}
	}

	static void fail(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static PathView path(ResultSet rs) throws SQLException {
		return new PathView(rs.getLong("id"), rs.getString("title"), rs.getString("category"),
				rs.getString("description"), rs.getBoolean("is_published") ? PathStatus.PUBLISHED : PathStatus.DRAFT,
				rs.getInt("module_count"), rs.getInt("total_minutes"),
				utc(rs.getObject("published_at", LocalDateTime.class)), utc(rs.getObject("updated_at", LocalDateTime.class)),
				rs.getLong("version"));
	}

	private static ProgressView progress(ResultSet rs) throws SQLException {
		return new ProgressView(rs.getLong("path_id"), rs.getString("title"), rs.getString("category"),
				rs.getLong("user_id"), rs.getInt("progress_pct"), rs.getInt("done"), rs.getInt("module_count"),
				utc(rs.getObject("started_at", LocalDateTime.class)), utc(rs.getObject("completed_at", LocalDateTime.class)));
	}

	static Instant utc(LocalDateTime value) {
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	static LocalDateTime utc(Instant value) {
		return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
	}

}
