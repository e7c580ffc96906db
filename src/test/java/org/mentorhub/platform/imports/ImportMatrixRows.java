package org.mentorhub.platform.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The matrix rows every CSV import has (the import kit's pages and API): the latest imports, upload,
 * an import's page and progress partial, and commit, retry and discard, on page and API. A module
 * names its tables and paths, who may (its {@link #allowed} and {@link #mayUpload}), a harmless file
 * to upload, and its own API reads.
 */
public abstract class ImportMatrixRows implements Matrix.Rows {

	/**
	 * An import of the owner in this status, in the owner's institution (the matrix world's university
	 * for the platform administrator, who has none); the marker is in its file name.
	 * @param table the module's import table
	 * @param stateColumns the columns a refused call must leave as they are
	 * @param fileNamePrefix the start of the planted file's name
	 */
	public static Fixture planted(String table, String stateColumns, String fileNamePrefix, String status) {
		RecordSnapshot state = new RecordSnapshot("SELECT " + stateColumns + " FROM " + table + " WHERE id = :id");
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				Long institution = owner.institutionId() != null ? owner.institutionId() : world.university().id();
				KeyHolder keys = new GeneratedKeyHolder();
				world.jdbc()
					.sql("INSERT INTO " + table + " (institution_id, uploaded_by_id, file_name, file_sha256, status, "
							+ "total_rows, valid_rows, created_at) VALUES (:i, :u, :name, :sha, :status, 0, 0, :at)")
					.param("i", institution)
					.param("u", owner.id())
					.param("name", fileNamePrefix + marker + ".csv")
					.param("sha", "0".repeat(64))
					.param("status", status)
					// The newest import, so that it heads the list of recent ones.
					.param("at", LocalDateTime.now(ZoneOffset.UTC))
					.update(keys, "id");
				return state.take(world, new Target(String.valueOf(keys.getKeyAs(Number.class).longValue()), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return state.changes(world, target);
			}

		};
	}

	/**
	 * The same import, for the progress partial, which shows counters but no file name: its marker is
	 * the link to the import's own page, which only the allowed answer contains.
	 */
	public static Fixture progressOf(Fixture planted, String page) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				Target target = planted.plant(world, owner, marker);
				return new Target(target.id(), "href=\"" + page + "/" + target.id() + "\"");
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return planted.unexpectedChange(world, target);
			}

		};
	}

	/** A CSV upload named {@code name}. */
	protected static MockMultipartFile csv(String name, String text) {
		return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	private final String page;

	private final String api;

	private final Fixture preview;

	private final Fixture failed;

	/**
	 * @param page the pages' path, e.g. {@code /admin/users/import}
	 * @param api the API's path, e.g. {@code /api/v1/user-imports}
	 * @param preview a previewed import of the owner
	 * @param failed a failed import of the owner
	 */
	protected ImportMatrixRows(String page, String api, Fixture preview, Fixture failed) {
		this.page = page;
		this.api = api;
		this.preview = preview;
		this.failed = failed;
	}

	/** Who may use an import of whom (and list it). */
	protected abstract Endpoint allowed(Endpoint row);

	/** Who may upload. */
	protected abstract Endpoint mayUpload(Endpoint row);

	/** A file that previews and changes nothing; {@code marker} tells page and API uploads apart. */
	protected abstract MockMultipartFile upload(String marker);

	/** The module's own API reads of an import, and anything else the module adds. */
	protected abstract List<Endpoint> moduleRows(Fixture preview);

	@Override
	public List<Endpoint> rows() {
		String id = "/{id:\\d+}";
		List<Endpoint> rows = new ArrayList<>(List.of(allowed(Endpoint.get(this.page).lists(this.preview)),
				allowed(Endpoint.get(this.api).lists(this.preview)),
				mayUpload(Endpoint.post(this.page).file(upload("page"))),
				mayUpload(Endpoint.post(this.api).file(upload("api"))),
				allowed(Endpoint.get(this.page + id).on(this.preview)),
				allowed(Endpoint.get(this.page + id + "/progress").on(progressOf(this.preview, this.page)))));
		for (String change : List.of("commit", "retry", "discard")) {
			Fixture on = change.equals("retry") ? this.failed : this.preview;
			rows.add(allowed(Endpoint.post(this.page + id + "/" + change).on(on)));
			rows.add(allowed(Endpoint.post(this.api + "/{id}/" + change).on(on)));
		}
		rows.addAll(moduleRows(this.preview));
		return rows;
	}

}
