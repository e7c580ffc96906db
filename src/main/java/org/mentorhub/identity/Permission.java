package org.mentorhub.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A permission attached to roles; its name is a Spring Security authority (e.g. USER_MANAGE). */
@Entity
@Table(name = "permissions")
class Permission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String description;

	protected Permission() {
	}

	String getName() {
		return this.name;
	}

	String getDescription() {
		return this.description;
	}

}
