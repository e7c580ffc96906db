package org.mentorhub.resource;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * Five published resources in each demo institution's library, tagged with the topic tags the
 * profile seed made, each with a reader's comment. The honest owner of these rows until the resource
 * module exists.
 */
@Component
class ResourceDemoData implements DemoSeed {

	private static final String[][] RESOURCES = { { "Five-minute breathing break", "MEDITATION", "wellbeing" },
			{ "The mentee's handbook", "GUIDEBOOK", "getting-started" },
			{ "How I went back to work", "STORY", "parenthood" }, { "Goal setting that sticks", "COURSE", "growth" },
			{ "Recorded panel: careers after graduation", "VIRTUAL_SESSION", "careers" } };

	private final DemoRows rows;

	ResourceDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 1000;
	}

	@Override
	public void seed(DemoContext demo) {
		resources(demo, DemoContext.UNIVERSITY, demo.person("admin@northbridge.demo"),
				demo.group(DemoContext.UNIVERSITY + "/students").get(0));
		resources(demo, DemoContext.COMPANY, demo.person("admin@acme.demo"),
				demo.group(DemoContext.COMPANY + "/mothers").get(0));
	}

	private void resources(DemoContext demo, String code, long admin, long reader) {
		for (String[] r : RESOURCES) {
			long resource = this.rows.insert("resources", row("institution_id", demo.institution(code), "title", r[0],
					"description", "A resource from the library.", "type", r[1], "category", r[2], "uploaded_by_id",
					admin, "url", "https://resources.example.org/" + r[2], "is_published", true, "published_at",
					demo.now().minusDays(80), "created_at", demo.now().minusDays(80), "updated_at",
					demo.now().minusDays(80)));
			this.rows.insertWithoutKey("resource_tags", row("resource_id", resource, "tag_id", demo.tag(code, r[2])));
			this.rows.insert("resource_comments", row("resource_id", resource, "user_id", reader, "content",
					"Thank you, this helped.", "created_at", demo.now().minusDays(20), "updated_at",
					demo.now().minusDays(20)));
		}
	}

}
