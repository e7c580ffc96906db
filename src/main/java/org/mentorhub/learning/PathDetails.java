package org.mentorhub.learning;

import java.util.List;

/**
 * A path with its modules in order and the viewer's progress on it.
 * @param path the path
 * @param modules its modules, in order, each with whether the viewer completed it
 * @param progress the viewer's progress, or null when they have not enrolled
 * @param author whether the viewer may edit, publish and delete it
 */
public record PathDetails(PathView path, List<ModuleView> modules, ProgressView progress, boolean author) {

	public boolean enrolled() {
		return this.progress != null;
	}

}
