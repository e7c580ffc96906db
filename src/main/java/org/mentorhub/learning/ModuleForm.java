package org.mentorhub.learning;

/** A module as the editor sends it: title, kind, content, URL, library resource id and estimated minutes. */
record ModuleForm(String title, String kind, String content, String url, Long resourceId, Integer estimatedMinutes) {

	static final ModuleForm EMPTY = new ModuleForm("", "READING", "", "", null, 15);

	static ModuleForm of(ModuleView module) {
		return new ModuleForm(module.title(), module.kind().name(), module.content(), module.url(), module.resourceId(),
				module.estimatedMinutes());
	}

	ModuleInput input() {
		return new ModuleInput(this.title, this.kind, this.content, this.url, this.resourceId, this.estimatedMinutes);
	}

}
