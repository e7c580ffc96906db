package org.mentorhub.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP (Tomcat compresses, MockMvc does not): text is gzip-compressed, and the favicon is there. */
@MentorHubServerTest
class CompressionIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<byte[]> get(String path, String encoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (encoding != null) {
			request.header("Accept-Encoding", encoding);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void stylesScriptsAndPagesAreCompressedForABrowserThatAcceptsGzip() throws Exception {
		HttpResponse<byte[]> css = get("/webjars/bootstrap/css/bootstrap.min.css", "gzip");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(css.body().length).as("compressed bytes").isLessThan(60_000);
		HttpResponse<byte[]> page = get("/login", "gzip");
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(get("/webjars/htmx.org/dist/htmx.min.js", "gzip").headers().firstValue("Content-Encoding"))
			.hasValue("gzip");
	}

	@Test
	void withoutAcceptEncodingTheAnswerIsPlain() throws Exception {
		HttpResponse<byte[]> css = get("/webjars/bootstrap/css/bootstrap.min.css", null);
		assertThat(css.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(css.body().length).isGreaterThan(200_000);
	}

	@Test
	void theFaviconAnswers200WithoutASignIn() throws Exception {
		HttpResponse<byte[]> icon = get("/favicon.ico", null);
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("icon"));
	}

}
