package org.mentorhub.platform.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.mentorhub.platform.web.RequestBodyLimitFilter.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The one place where a request's text is made safe, for every page and API call, before it
 * reaches a query or a log (docs/security.md, "Input hygiene"). It runs after the security filter
 * chain, so that a caller who may not use a route is refused (401, 403) before anything of the
 * request is looked at. It answers 400 with a clear message when:
 * <ul>
 * <li>the path, a parameter's name, a part's file name or a JSON field name holds a control
 * character;</li>
 * <li>a parameter of the query string (single-line by nature: a search, a sort, a filter) holds a
 * control character, CR and LF included;</li>
 * <li>a form field or a JSON string (which may be multi-line text: a note, a bio) holds a control
 * character other than tab, CR and LF, NUL above all;</li>
 * <li>the query string's percent-encoding is broken or not UTF-8, or a value decoded a second time
 * (Spring Data's {@code sort}) would be;</li>
 * <li>an uploaded file's name is longer than {@value #MAX_FILE_NAME} characters.</li>
 * </ul>
 */
final class InputHygieneFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(InputHygieneFilter.class);

	/** The longest file name an upload may have. */
	static final int MAX_FILE_NAME = 255;

	private static final String FILE_NAME_TOO_LONG = "The name of the uploaded file is too long: at most "
			+ MAX_FILE_NAME + " characters. Rename the file and try again.";

	/** Parameters that Spring decodes once more after the container (Spring Data's sort). */
	private static final java.util.Set<String> DECODED_TWICE = java.util.Set.of("sort");

	private static final JsonFactory JSON = new JsonFactory();

	/** The reason a request is refused. */
	record Refusal(String detail, String logged) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest checked = request;
		Refusal refusal = checkPath(request);
		if (refusal == null) {
			refusal = checkQueryString(request.getQueryString());
		}
		if (refusal == null && isMultipart(request)) {
			refusal = checkFileNames(request);
		}
		if (refusal == null) {
			refusal = checkParameters(request.getParameterMap());
		}
		if (refusal == null && isJson(request)) {
			byte[] body;
			try {
				body = request.getInputStream().readAllBytes();
			}
			catch (BodyTooLargeException ex) {
				RequestBodyLimitFilter.refuse(request, response, ex.limit());
				return;
			}
			refusal = checkJson(body);
			checked = new CachedBody(request, body);
		}
		if (refusal != null) {
			log.info("Refused {} {}: {}", request.getMethod(), escape(request.getRequestURI()), refusal.logged());
			ProblemResponses.refuse(request, response, HttpStatus.BAD_REQUEST, refusal.detail());
			return;
		}
		chain.doFilter(checked, response);
	}

	static Refusal checkPath(HttpServletRequest request) {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		if (firstControl(path, false) >= 0 || firstControl(request.getRequestURI(), false) >= 0) {
			return new Refusal("The address contains a control character.", "control character in the path");
		}
		return null;
	}

	/** Decodes the raw query string strictly; every parameter in it is single-line text. */
	static Refusal checkQueryString(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			if (name == null) {
				return new Refusal("The address has a broken percent-encoding (%XX) or is not UTF-8.",
						"bad percent-encoding in the query string");
			}
			if (firstControl(name, false) >= 0) {
				return new Refusal("A parameter name contains a control character.", "control character in a parameter name");
			}
			if (eq < 0) {
				continue;
			}
			String value = decode(pair.substring(eq + 1));
			if (value == null) {
				return new Refusal("The parameter " + quoted(name) + " has a broken percent-encoding (%XX) or is not UTF-8.",
						"bad percent-encoding in parameter " + escape(name));
			}
			if (firstControl(value, false) >= 0) {
				return new Refusal("The parameter " + quoted(name)
						+ " contains a control character (such as NUL, CR or LF); it must be a single line of text.",
						"control character in parameter " + escape(name));
			}
			if (DECODED_TWICE.contains(name) && value.indexOf('%') >= 0) {
				try {
					UriUtils.decode(value, StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					return new Refusal("The parameter " + quoted(name) + " has a broken percent-encoding (%XX).",
							"bad percent-encoding in parameter " + escape(name));
				}
			}
		}
		return null;
	}

	/** Form fields (and query parameters again): multi-line text may keep tab, CR and LF. */
	static Refusal checkParameters(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (firstControl(name, false) >= 0) {
				return new Refusal("A parameter name contains a control character.", "control character in a parameter name");
			}
			for (String value : parameter.getValue()) {
				if (value != null && firstControl(value, true) >= 0) {
					return new Refusal("The field " + quoted(name)
							+ " contains a control character (such as NUL); remove it.",
							"control character in field " + escape(name));
				}
			}
		}
		return null;
	}

	static Refusal checkFileNames(HttpServletRequest request) {
		java.util.Collection<Part> parts;
		try {
			parts = request.getParts();
		}
		catch (ServletException | IllegalStateException | IOException ex) {
			// A part's headers above Tomcat's limit (512 bytes): in practice a file name of some 400 characters or
			// more. Spring would report it as an upload too large (413); it is a name too long.
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause.getMessage() != null && cause.getMessage().startsWith("Header section has more than")) {
					return new Refusal(FILE_NAME_TOO_LONG, "uploaded file's part header too long");
				}
			}
			// Too large or malformed otherwise: the multipart resolver answers it (413 or 400).
			return null;
		}
		for (Part part : parts) {
			String fileName = part.getSubmittedFileName();
			if (fileName == null) {
				continue;
			}
			if (firstControl(fileName, false) >= 0) {
				return new Refusal("The name of the uploaded file contains a control character (such as NUL).",
						"control character in an uploaded file's name");
			}
			if (fileName.length() > MAX_FILE_NAME) {
				return new Refusal(FILE_NAME_TOO_LONG, "uploaded file name too long");
			}
		}
		return null;
	}

	/** Every string value and field name of the document; malformed JSON is left to the converter (400). */
	static Refusal checkJson(byte[] body) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.PROPERTY_NAME && firstControl(parser.currentName(), false) >= 0) {
					return new Refusal("A JSON field name contains a control character.",
							"control character in a JSON field name");
				}
				if (token == JsonToken.VALUE_STRING && firstControl(parser.getString(), true) >= 0) {
					String field = parser.currentName();
					return new Refusal((field == null ? "A JSON string" : "The JSON field " + quoted(field))
							+ " contains a control character (such as NUL); only tab, CR and LF are allowed in text.",
							"control character in JSON field " + escape(String.valueOf(field)));
				}
			}
		}
		catch (JacksonException malformed) {
			return null;
		}
		return null;
	}

	/**
	 * Where the first control character is (C0, DEL, C1), or -1; tab, CR, LF and the Unicode line
	 * and paragraph separators count only when {@code multiLine} is false.
	 */
	static int firstControl(String text, boolean multiLine) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20) {
				if (multiLine && (c == '\t' || c == '\n' || c == '\r')) {
					continue;
				}
				return i;
			}
			if (c == 0x7f || (c >= 0x80 && c < 0xa0)) {
				return i;
			}
			// Unicode's own line and paragraph separators: fine in a note pasted from a word processor, but they
			// break a line in some log viewers, so never in single-line text.
			if (!multiLine && (c == '\u2028' || c == '\u2029')) {
				return i;
			}
		}
		return -1;
	}

	/** Decodes application/x-www-form-urlencoded text strictly, or null when it is broken. */
	static String decode(String encoded) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= encoded.length()) {
					return null;
				}
				int high = Character.digit(encoded.charAt(i + 1), 16);
				int low = Character.digit(encoded.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c > 0x7f) {
				byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(raw, 0, raw.length);
			}
			else {
				bytes.write(c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** The text with control characters shown as {@code \\uXXXX}: safe in a log line. */
	static String escape(String text) {
		StringBuilder safe = new StringBuilder(Math.min(text.length(), 200));
		for (int i = 0; i < text.length() && i < 200; i++) {
			char c = text.charAt(i);
			if (firstControl(String.valueOf(c), false) == 0) {
				safe.append(String.format("\\u%04x", (int) c));
			}
			else {
				safe.append(c);
			}
		}
		return safe.toString();
	}

	/** A parameter's name for a message: quoted when it is short, else left out. */
	private static String quoted(String name) {
		return name.length() <= 64 ? "'" + name + "'" : "(a long name)";
	}

	static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return "json".equals(media.getSubtype()) || media.getSubtype().endsWith("+json");
		}
		catch (org.springframework.util.InvalidMimeTypeException ex) {
			return false;
		}
	}

	/** The request with its body already read (and checked). */
	static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					try {
						return in.available() == 0;
					}
					catch (IOException ex) {
						return true;
					}
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
		public java.io.BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

	}

}
