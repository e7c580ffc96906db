package org.mentorhub.learning;

/** A path's title, category and description, with the version read (editing only). */
record PathForm(String title, String category, String description, Long version) {

	PathInput input() {
		return new PathInput(this.title, this.category, this.description);
	}

}
