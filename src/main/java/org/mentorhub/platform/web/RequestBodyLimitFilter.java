package org.mentorhub.platform.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bounds every request body by where it goes (docs/security.md, "Bounded bodies"): the account,
 * sign-in and other anonymous endpoints take small bodies, uploads (multipart) the upload limit,
 * everything else the default. A body whose {@code Content-Length} is above its limit is refused
 * with 413 before a byte of it is read; a body without one (chunked) is counted as it is read and
 * the read fails at the limit ({@link BodyTooLargeException}), which the reader answers with 413.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** Paths whose bodies are small: the account life cycle, sign-in and sign-out. */
	static final List<String> SMALL_BODY_PATHS = List.of("/api/v1/account/**", "/account/**", "/login", "/logout");

	private final List<PathPattern> small;

	private final long smallLimit;

	private final long defaultLimit;

	private final long uploadLimit;

	RequestBodyLimitFilter(DataSize smallLimit, DataSize defaultLimit, DataSize uploadLimit) {
		this.small = SMALL_BODY_PATHS.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.smallLimit = smallLimit.toBytes();
		this.defaultLimit = defaultLimit.toBytes();
		this.uploadLimit = uploadLimit.toBytes();
	}

	/** The most bytes the request's body may have. */
	long limitOf(HttpServletRequest request) {
		var path = org.springframework.http.server.PathContainer.parsePath(request.getRequestURI()
			.substring(request.getContextPath().length()));
		if (this.small.stream().anyMatch(pattern -> pattern.matches(path))) {
			return this.smallLimit;
		}
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			return this.uploadLimit;
		}
		return this.defaultLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitOf(request);
		if (request.getContentLengthLong() > limit) {
			refuse(request, response, limit);
			return;
		}
		chain.doFilter(new Limited(request, limit), response);
	}

	/** 413 problem JSON (or the error page); the connection closes, so the rest is never read. */
	static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		ProblemResponses.refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is too large: at most " + DataSize.ofBytes(limit).toKilobytes() + " KB here.");
	}

	/** The body grew past its limit while it was read. */
	static final class BodyTooLargeException extends IOException {

		private final long limit;

		BodyTooLargeException(long limit) {
			super("Request body above " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return this.limit;
		}

	}

	/** The request with a body that fails to read beyond the limit. */
	static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		private int counted(int n) throws IOException {
			if (n > 0) {
				this.count += n;
				if (this.count > this.limit) {
					throw new BodyTooLargeException(this.limit);
				}
			}
			return n;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return counted(this.in.read(buffer, offset, length));
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
