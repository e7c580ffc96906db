package org.mentorhub.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A tenant: a university or a company. */
@Entity
@Table(name = "institutions")
class Institution {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String code;

	@Enumerated(EnumType.STRING)
	private InstitutionKind kind;

	private String address;

	private String contactEmail;

	private String timeZone;

	@Version
	private long version;

	protected Institution() {
	}

	InstitutionSummary toSummary() {
		return new InstitutionSummary(this.id, this.name, this.code, this.kind, this.address, this.contactEmail,
				this.timeZone);
	}

}
