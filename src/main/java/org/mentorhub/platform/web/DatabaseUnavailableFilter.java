package org.mentorhub.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot be reached, a request fails fast with 503 (QUALITY R1, docs/operations.md
 * "When the database goes away"): the pool gives up on a connection after
 * {@code spring.datasource.hikari.connection-timeout}, and whatever asked for it (the browser session's
 * lookup, an access token's, a controller) ends here, outside every other filter, as RFC 9457 problem JSON
 * for API calls or a page of its own for browsers, with {@code Retry-After}. The page is static: the
 * layout reads the database (the menu's counts), so it cannot be drawn now. Nothing of the failure is
 * shown to the caller.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

	/** What the caller is told. */
	static final String DETAIL = "MentorHub cannot reach its database right now. Please try again in a minute.";

	/** Seconds after which a retry makes sense: the pool checks the database again well within it. */
	static final int RETRY_AFTER_SECONDS = 30;

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final byte[] page;

	private final ObjectProvider<DataSource> dataSource;

	DatabaseUnavailableFilter(ObjectProvider<DataSource> dataSource) {
		this.dataSource = dataSource;
		try (InputStream in = new ClassPathResource("org/mentorhub/platform/web/unavailable.html").getInputStream()) {
			this.page = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The page for an unreachable database is missing", ex);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted() || !(unreachable(ex) || (databaseRelated(ex) && !databaseAnswers()))) {
				throw ex;
			}
			log.warn("Database unreachable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.toString());
			answer(request, response);
		}
	}

	/** Writes the 503: problem JSON, or the static page for a browser. */
	void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (ProblemResponses.wantsPage(request)) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentLength(this.page.length);
			response.getOutputStream().write(this.page);
			response.flushBuffer();
			return;
		}
		ProblemResponses.writeProblem(request, response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
	}

	/**
	 * Whether a connection from the pool still answers. Asked only after a failure that involved the database
	 * but did not say it was unreachable (a rollback on a lost connection reports its own failure, not the
	 * first one); waits at most the pool's connection timeout.
	 */
	private boolean databaseAnswers() {
		DataSource source = this.dataSource.getIfAvailable();
		if (source == null) {
			return true;
		}
		try (Connection connection = source.getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Whether the failure, or one of its causes, came from the database or a transaction. */
	static boolean databaseRelated(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException || cause instanceof DataAccessException
					|| cause instanceof TransactionException || cause instanceof jakarta.persistence.PersistenceException
					|| cause.getClass().getName().startsWith("org.hibernate.")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the failure, or one of its causes, is a connection the pool could not get or lost: the pool's
	 * timeout, a refused or reset connection, or an SQL state of class 08 (connection exception). A rollback
	 * that failed on the lost connection hides the first failure in its application exception, which counts
	 * too.
	 */
	static boolean unreachable(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof java.sql.SQLNonTransientConnectionException
					|| cause instanceof java.net.ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& rollback.getApplicationException() != failure && unreachable(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

}
