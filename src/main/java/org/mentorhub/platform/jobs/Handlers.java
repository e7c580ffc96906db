package org.mentorhub.platform.jobs;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link JobHandler} beans by kind, looked up late (handlers use module services that use {@link Jobs}). */
@Component
class Handlers {

	private final ObjectProvider<JobHandler> all;

	Handlers(ObjectProvider<JobHandler> all) {
		this.all = all;
	}

	Optional<JobHandler> of(String kind) {
		return this.all.orderedStream().filter(handler -> handler.kind().equals(kind)).findFirst();
	}

}
