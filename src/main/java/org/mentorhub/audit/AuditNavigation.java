package org.mentorhub.audit;

import java.util.Set;

import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log in the navigation. */
@Configuration(proxyBeanMethods = false)
class AuditNavigation {

	@Bean
	NavigationEntry auditEntry() {
		return NavigationEntry.of(Group.ADMINISTRATION, "audit", "layout.nav.audit", "journal-text", "/admin/audit", 80,
				Set.of("AUDIT_READ"));
	}

}
