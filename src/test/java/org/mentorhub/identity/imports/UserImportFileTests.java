package org.mentorhub.identity.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserImportFileTests {

	static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsTheColumnsByTheirHeaderInAnyOrderWithLineNumbers() {
		List<UserImportFile.RawRow> rows = UserImportFile.parse(csv("""
				Role,Department_Code,EMAIL,full_name,notes
				mentor,cs, ada@example.edu ,"Lovelace, Ada",first

				mentee,,alan@example.edu,Alan Turing
				"""));

		assertThat(rows).containsExactly(new UserImportFile.RawRow(2, "ada@example.edu", "Lovelace, Ada", "mentor", "cs"),
				new UserImportFile.RawRow(4, "alan@example.edu", "Alan Turing", "mentee", ""));
	}

	@Test
	void acceptsAByteOrderMarkAndSemicolons() {
		List<UserImportFile.RawRow> rows = UserImportFile.parse(csv("\uFEFFemail;full_name;role;department_code\r\n"
				+ "zoë@example.edu;Zoë Åberg;MENTEE;PSY\r\n"));

		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.email()).isEqualTo("zoë@example.edu");
			assertThat(row.fullName()).isEqualTo("Zoë Åberg");
		});
	}

	@Test
	void refusesABinaryFileWhateverItsName() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
		assertThatThrownBy(() -> UserImportFile.parse(png)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not a CSV file");
		assertThatThrownBy(() -> UserImportFile.parse(csv("%PDF-1.7\nemail,full_name,role,department_code\n")))
			.hasMessageContaining("not a CSV file");
	}

	@Test
	void refusesTextThatIsNotUtf8() {
		byte[] latin1 = "email,full_name,role,department_code\nz@example.edu,Zo\u00eb,MENTEE,\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> UserImportFile.parse(latin1)).hasMessageContaining("not UTF-8");
	}

	@Test
	void refusesAFileOverTwoMegabytes() {
		byte[] big = new byte[UserImportFile.MAX_BYTES + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		assertThatThrownBy(() -> UserImportFile.parse(big)).hasMessageContaining("larger than 2 MB");
	}

	@Test
	void refusesMoreThanFiveThousandRows() {
		StringBuilder text = new StringBuilder("email,full_name,role,department_code\n");
		for (int i = 0; i <= UserImportFile.MAX_ROWS; i++) {
			text.append("p").append(i).append("@example.edu,P ").append(i).append(",MENTEE,\n");
		}
		assertThatThrownBy(() -> UserImportFile.parse(csv(text.toString()))).hasMessageContaining("more than 5,000 rows");
		assertThat(UserImportFile.parse(csv(text.substring(0, text.lastIndexOf("p5000@"))))).hasSize(5000);
	}

	@Test
	void namesTheMissingColumnsAndRefusesEmptyFiles() {
		assertThatThrownBy(() -> UserImportFile.parse(csv("email,name\na@example.edu,A\n")))
			.hasMessageContaining("Missing: full_name, role, department_code.");
		assertThatThrownBy(() -> UserImportFile.parse(new byte[0])).hasMessageContaining("empty");
		assertThatThrownBy(() -> UserImportFile.parse(csv("email,full_name,role,department_code\n")))
			.hasMessageContaining("no people");
	}

	@Test
	void refusesBrokenQuoting() {
		assertThatThrownBy(() -> UserImportFile.parse(csv("email,full_name,role,department_code\n\"a@example.edu,A,MENTEE,\n")))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems().get(0).field()).isEqualTo("file"));
	}

}
