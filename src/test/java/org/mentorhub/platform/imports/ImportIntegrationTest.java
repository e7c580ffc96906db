package org.mentorhub.platform.imports;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.platform.jobs.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * The base of a CSV import's integration tests (annotate the subclass with
 * {@code @MentorHubIntegrationTest}): before each test a university of its own with the given
 * departments and a fresh administrator of it, so that nothing depends on the demo data and upload
 * budgets are not shared, and the import's {@link ImportApi}.
 */
public abstract class ImportIntegrationTest {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected UserDetailsService users;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Jobs jobs;

	@Autowired
	protected Clock clock;

	protected ImportApi imports;

	protected TestInstitution college;

	protected Account admin;

	private final String[] paths;

	private final String[] departments;

	/**
	 * @param paths the API's path, the pages' path, and the API's progress and rows of an import (see
	 * {@link ImportApi})
	 * @param departments the university's department codes
	 */
	protected ImportIntegrationTest(String[] paths, String... departments) {
		this.paths = paths;
		this.departments = departments;
	}

	@BeforeEach
	void freshUniversity() {
		this.imports = new ImportApi(this.mvc, this.users, this.paths[0], this.paths[1], this.paths[2], this.paths[3]);
		org.mentorhub.TestInstitutions.Builder university = aUniversity();
		for (String department : this.departments) {
			university.withDepartment(department);
		}
		this.college = university.build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
	}

	protected RequestPostProcessor as(Account account) {
		return this.imports.as(account);
	}

}
