package org.mentorhub.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.Matrix.World;

/**
 * What a planted record looked like when it was planted, for {@link Matrix.Fixture#unexpectedChange}:
 * a query of its columns (with {@code :id}), run when planting and again after a refused call. Any
 * difference, or the record's disappearance, is a change that should not have happened. For records
 * with a numeric id.
 */
public final class RecordSnapshot {

	private final String sql;

	private final Map<String, List<Map<String, Object>>> taken = new ConcurrentHashMap<>();

	/**
	 * @param sql selects the record's columns that a refused call must not change, by {@code :id};
	 * include a version column where the table has one
	 */
	public RecordSnapshot(String sql) {
		this.sql = sql;
	}

	/** Remembers the record as it is now; returns the target for convenience. */
	public Target take(World world, Target target) {
		this.taken.put(target.id(), read(world, target.id()));
		return target;
	}

	/** What changed since {@link #take}, or null. */
	public String changes(World world, Target target) {
		List<Map<String, Object>> before = this.taken.remove(target.id());
		if (before == null) {
			return null;
		}
		List<Map<String, Object>> after = read(world, target.id());
		return before.toString().equals(after.toString()) ? null : "was " + before + ", is " + after;
	}

	private List<Map<String, Object>> read(World world, String id) {
		return world.jdbc().sql(this.sql).param("id", Long.parseLong(id)).query().listOfRows();
	}

}
