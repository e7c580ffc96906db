package org.mentorhub.platform;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SealedValues} for the common case, one sealed column with its key id column and one context: the
 * owning module subclasses it with its own SQL (so that its tables stay its own), which must be
 * <ul>
 * <li>{@code count}: the number of rows sealed with another key than {@code :key};</li>
 * <li>{@code select}: {@code id, key id, sealed value} of the rows sealed with another key than {@code :key}
 * and {@code id > :after}, in id order, at most {@code :limit}, locked ({@code FOR UPDATE});</li>
 * <li>{@code update}: writes {@code :value} and {@code :key} to the row {@code :id}.</li>
 * </ul>
 * A column whose context depends on the row overrides {@link #contextOf(long)}.
 */
public abstract class SealedColumn implements SealedValues {

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final String context;

	private final String count;

	private final String select;

	private final String update;

	protected SealedColumn(JdbcClient jdbc, SecretBox box, String context, String count, String select, String update) {
		this.jdbc = jdbc;
		this.box = box;
		this.context = context;
		this.count = count;
		this.select = select;
		this.update = update;
	}

	@Override
	public String name() {
		return this.context;
	}

	/** The context the value of row {@code id} was sealed for; the constructor's by default. */
	protected String contextOf(long id) {
		return this.context;
	}

	@Override
	@Transactional(readOnly = true)
	public long countSealedWithOtherKeys(String activeKeyId) {
		return this.jdbc.sql(this.count).param("key", activeKeyId).query(Long.class).single();
	}

	@Override
	@Transactional
	public ResealBatch resealAfter(long afterId, int limit) {
		List<Value> values = this.jdbc.sql(this.select)
			.param("key", this.box.activeKeyId())
			.param("after", afterId)
			.param("limit", limit)
			.query((rs, row) -> new Value(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		return ResealBatch.of(name(), values, limit, afterId, Value::id);
	}

	private final class Value implements ResealBatch.Row {

		private final long id;

		private final String keyId;

		private final String sealed;

		Value(long id, String keyId, String sealed) {
			this.id = id;
			this.keyId = keyId;
			this.sealed = sealed;
		}

		long id() {
			return this.id;
		}

		@Override
		public void reseal() {
			SecretBox.Sealed again = SealedColumn.this.box.reseal(this.keyId, this.sealed, contextOf(this.id));
			SealedColumn.this.jdbc.sql(SealedColumn.this.update)
				.param("value", again.ciphertext())
				.param("key", again.keyId())
				.param("id", this.id)
				.update();
		}

	}

}
