package org.mentorhub.report.program;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The program dashboard as a PDF for a board meeting: the template {@code report/program-pdf.html}
 * (the page's sections, tables and words, as XHTML without scripts or links) with the charts drawn
 * as inline SVG by {@link ProgramSvg}, laid out by openhtmltopdf. Rendered in memory: the dashboard
 * is a few pages whatever the size of the data.
 */
@Component
class ProgramPdf {

	private final ITemplateEngine templates;

	private final MessageSource messages;

	ProgramPdf(ITemplateEngine templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	/** The report as PDF bytes, its words in this locale. */
	byte[] render(ProgramReport report, Locale locale) {
		String html = html(report, locale);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useSVGDrawer(new BatikSVGDrawer());
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The XHTML the PDF is laid out from. */
	String html(ProgramReport report, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("report", report);
		model.put("mentorRatings", ProgramCharts.shownMentors(report));
		model.put("moreMentors", ProgramCharts.moreMentors(report));
		model.put("svg", ProgramSvg.of(ProgramCharts.of(report),
				code -> this.messages.getMessage("report.program." + code, null, code, locale)));
		return this.templates.process("report/program-pdf", new Context(locale, model));
	}

}
