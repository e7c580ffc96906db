package org.mentorhub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Pins a Thymeleaf rule that is easy to forget: {@code th:insert} and {@code th:replace} run before
 * {@code th:if}, {@code th:unless} and {@code th:each} on the same element, so the condition or the
 * loop is silently ignored (an empty state shown beside a full table). Such an element must be
 * wrapped in a {@code <th:block th:if="...">}.
 */
class TemplateConventionsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^<>]*>", Pattern.DOTALL);

	private static final Pattern INCLUSION = Pattern.compile("\\sth:(replace|insert)=");

	private static final Pattern CONDITION = Pattern.compile("\\sth:(if|unless|each)=");

	@Test
	void noConditionOrLoopSharesAnElementWithAFragmentInclusion() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file, StandardCharsets.UTF_8);
				Matcher tag = TAG.matcher(html);
				while (tag.find()) {
					String text = tag.group();
					if (INCLUSION.matcher(text).find() && CONDITION.matcher(text).find()) {
						int line = html.substring(0, tag.start()).split("\n", -1).length;
						offenders.add(TEMPLATES.relativize(file) + ":" + line);
					}
				}
			}
		}
		assertThat(offenders).as("elements with th:replace or th:insert and th:if, th:unless or th:each").isEmpty();
	}

}
