package org.mentorhub.organization;

import java.util.Map;

/**
 * How many people belong to each department of an institution. The organization module does not
 * know about accounts, so the identity module provides this; without it every count is zero.
 */
public interface DepartmentMemberCounts {

	/** Department id to the number of its members (departments without members may be missing). */
	Map<Long, Long> countByDepartment(long institutionId);

}
