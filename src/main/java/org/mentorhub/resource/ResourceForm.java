package org.mentorhub.resource;

import java.util.Arrays;
import java.util.List;

/** The new-resource form: tags are one comma-separated field; {@code publish} publishes at once. */
record ResourceForm(String title, String description, String type, String category, String tags, String url,
		Boolean publish) {

	static final ResourceForm EMPTY = new ResourceForm("", "", "GUIDEBOOK", "", "", "", false);

	ResourceInput input() {
		List<String> names = this.tags == null ? List.of()
				: Arrays.stream(this.tags.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return new ResourceInput(this.title, this.description, this.type, this.category, names, this.url, this.publish);
	}

}
