package org.mentorhub.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.mentorhub.platform.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes an API POST that carries an {@code Idempotency-Key} header safe to retry (QUALITY R3,
 * docs/api.md): every POST under {@code /api/} takes part, and the client opts in by sending the
 * header. The first request with a key claims a row of {@code idempotency_keys} (caller, key, a
 * SHA-256 of method, path, query and body); the unique constraint on (caller, key) decides between
 * concurrent requests, on every instance, since the row is in the database. The claimant runs and
 * stores its answer (status, content type, {@code Location}, body). Another request with the same
 * key and caller then gets:
 * <ul>
 * <li>the same request: the stored answer, with {@code Idempotent-Replayed: true};</li>
 * <li>a different request: 422 problem JSON, and nothing runs;</li>
 * <li>while the first still runs: it waits up to {@code mentorhub.idempotency.wait-for} for its answer, then 409.</li>
 * </ul>
 * The request runs in one transaction with the storing of its answer, so that an instance that dies in
 * between leaves neither the request's writes nor an answer (and the retry, after
 * {@code mentorhub.idempotency.abandoned-after}, runs again), never writes without an answer. Form and
 * multipart bodies do not take part (the container parses them from the raw stream). An answer of 429 or
 * 5xx is not stored and what the request wrote is rolled back (the key is released), so the retry runs again. Requests of
 * nobody signed in are left alone (they are refused anyway). Runs after the security chain, so the
 * caller is known and a refused caller claims nothing.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

	/** The request header. */
	static final String HEADER = "Idempotency-Key";

	/** The header of a replayed answer. */
	static final String REPLAYED = "Idempotent-Replayed";

	static final int MAX_KEY = 200;

	private static final long POLL_MILLIS = 50;

	private final JdbcClient jdbc;

	private final IdempotencyProperties properties;

	private final Clock clock;

	private final TransactionTemplate requestTransaction;

	IdempotencyFilter(JdbcClient jdbc, IdempotencyProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.requestTransaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
		// Form and multipart bodies are parsed by the container from the raw stream, which this filter reads
		// itself: those (the pages' forms, uploads) do not take part.
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String caller = caller();
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			ProblemResponses.writeProblem(request, response, HttpStatus.BAD_REQUEST,
					"An Idempotency-Key is 1 to " + MAX_KEY + " visible ASCII characters.");
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String hash = hash(request, body);
		Long claimed = claim(caller, key, hash);
		if (claimed == null) {
			answerRetry(request, response, caller, key, hash);
			return;
		}
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		Outcome outcome;
		try {
			// One transaction for the request's writes and its stored answer (the services' transactions join
			// it): an instance that dies before the commit leaves neither, and the retry runs again; after the
			// commit the retry gets the answer. Never a write without its answer, which a retry would repeat.
			outcome = this.requestTransaction.execute(tx -> run(request, body, captured, claimed, tx, chain));
		}
		catch (RuntimeException | Error ex) {
			// Nothing was committed, or the commit itself failed: nothing to answer from, and the key is released.
			release(claimed);
			if (!response.isCommitted()) {
				response.reset();
			}
			if (ex instanceof ChainFailure failure) {
				failure.rethrowCause();
			}
			throw ex;
		}
		if (outcome == Outcome.ROLLED_BACK_ANSWER) {
			// A refusal (4xx) whose transaction was rolled back: nothing was written, the answer is still the answer.
			store(claimed, captured);
		}
		else if (outcome == Outcome.NOT_STORED) {
			// Nothing (or a failure) to replay: release the key so that a retry runs again.
			release(claimed);
		}
		captured.copyBodyToResponse();
	}

	private enum Outcome {
		STORED, ROLLED_BACK_ANSWER, NOT_STORED
	}

	private Outcome run(HttpServletRequest request, byte[] body, ContentCachingResponseWrapper captured, long claimed,
			TransactionStatus tx, FilterChain chain) {
		try {
			chain.doFilter(new Replayable(request, body), captured);
		}
		catch (IOException | ServletException ex) {
			throw new ChainFailure(ex);
		}
		int status = captured.getStatus();
		if (request.isAsyncStarted()) {
			return Outcome.NOT_STORED;
		}
		if (status == HttpStatus.TOO_MANY_REQUESTS.value() || status >= 500) {
			// The client is told it failed and will retry: what the request wrote goes too.
			tx.setRollbackOnly();
			return Outcome.NOT_STORED;
		}
		if (tx.isRollbackOnly()) {
			// A service refused inside a transaction (a 4xx from an exception): committing would fail.
			tx.setRollbackOnly();
			return Outcome.ROLLED_BACK_ANSWER;
		}
		store(claimed, captured);
		return Outcome.STORED;
	}

	private void store(long claimed, ContentCachingResponseWrapper captured) {
		this.jdbc.sql("""
				UPDATE idempotency_keys SET status = :status, content_type = :type, location = :location,
				       response_body = :body, completed_at = :now
				WHERE id = :id""")
			.param("status", captured.getStatus())
			.param("type", captured.getContentType())
			.param("location", captured.getHeader(HttpHeaders.LOCATION))
			.param("body", new String(captured.getContentAsByteArray(), charset(captured)))
			.param("now", now())
			.param("id", claimed)
			.update();
	}

	private void release(long claimed) {
		try {
			this.jdbc.sql("DELETE FROM idempotency_keys WHERE id = :id").param("id", claimed).update();
		}
		catch (RuntimeException ex) {
			// The database is gone: the key stays in progress and is taken over after abandoned-after.
		}
	}

	/** A checked failure of the filter chain, carried out of the transaction callback. */
	private static final class ChainFailure extends RuntimeException {

		ChainFailure(Exception cause) {
			super(cause);
		}

		void rethrowCause() throws IOException, ServletException {
			if (getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) getCause();
		}

	}

	/** The claimed row's id, or null when the key is already taken (the row may then be an abandoned one, taken over). */
	private Long claim(String caller, String key, String hash) {
		try {
			this.jdbc.sql("""
					INSERT INTO idempotency_keys (caller, idem_key, request_hash, created_at)
					VALUES (:caller, :key, :hash, :now)""")
				.param("caller", caller)
				.param("key", key)
				.param("hash", hash)
				.param("now", now())
				.update();
			return idOf(caller, key);
		}
		catch (DuplicateKeyException ex) {
			// A request of the same key left in progress by a crashed instance is taken over by this one.
			int taken = this.jdbc.sql("""
					UPDATE idempotency_keys SET created_at = :now
					WHERE caller = :caller AND idem_key = :key AND request_hash = :hash AND status IS NULL
					  AND created_at < :abandoned""")
				.param("now", now())
				.param("caller", caller)
				.param("key", key)
				.param("hash", hash)
				.param("abandoned", now().minus(this.properties.abandonedAfter()))
				.update();
			return taken == 1 ? idOf(caller, key) : null;
		}
	}

	private Long idOf(String caller, String key) {
		return this.jdbc.sql("SELECT id FROM idempotency_keys WHERE caller = :caller AND idem_key = :key")
			.param("caller", caller)
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private record Stored(String hash, Integer status, String contentType, String location, String body) {
	}

	private Optional<Stored> stored(String caller, String key) {
		return this.jdbc.sql("""
				SELECT request_hash, status, content_type, location, response_body FROM idempotency_keys
				WHERE caller = :caller AND idem_key = :key""")
			.param("caller", caller)
			.param("key", key)
			.query((rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.optional();
	}

	private void answerRetry(HttpServletRequest request, HttpServletResponse response, String caller, String key,
			String hash) throws IOException {
		long deadline = System.nanoTime() + this.properties.waitFor().toNanos();
		while (true) {
			Optional<Stored> found = stored(caller, key);
			if (found.isPresent() && !found.get().hash().equals(hash)) {
				ProblemResponses.writeProblem(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
						"This Idempotency-Key was already used for a different request.");
				return;
			}
			if (found.isPresent() && found.get().status() != null) {
				replay(response, found.get());
				return;
			}
			if (found.isEmpty()) {
				// The first request failed and released the key: this retry may run. Ask the client to send it again.
				ProblemResponses.writeProblem(request, response, HttpStatus.CONFLICT,
						"The first request with this Idempotency-Key did not complete; send it again.");
				return;
			}
			if (System.nanoTime() > deadline) {
				ProblemResponses.writeProblem(request, response, HttpStatus.CONFLICT,
						"A request with this Idempotency-Key is still in progress; try again later.");
				return;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				ProblemResponses.writeProblem(request, response, HttpStatus.CONFLICT,
						"A request with this Idempotency-Key is still in progress; try again later.");
				return;
			}
		}
	}

	private static void replay(HttpServletResponse response, Stored stored) throws IOException {
		response.setStatus(stored.status());
		response.setHeader(REPLAYED, "true");
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, stored.location());
		}
		byte[] body = stored.body() == null ? new byte[0] : stored.body().getBytes(StandardCharsets.UTF_8);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return "user:" + actor.id();
		}
		return null;
	}

	static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String head = request.getMethod() + ' ' + request.getRequestURI() + '?'
					+ (request.getQueryString() == null ? "" : request.getQueryString()) + '\n';
			digest.update(head.getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static java.nio.charset.Charset charset(HttpServletResponse response) {
		try {
			return java.nio.charset.Charset.forName(response.getCharacterEncoding());
		}
		catch (RuntimeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** The request with its body read once and served again to whoever reads it next. */
	private static final class Replayable extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayable(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() throws UnsupportedEncodingException {
			String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}

	}

}
