package org.mentorhub.platform;

/**
 * Who is acting, as every module may know without depending on the identity module: the
 * signed-in principal implements it.
 */
public interface Actor {

	/** The acting user's id. */
	long id();

	/** The acting user's institution; {@code null} for a platform administrator. */
	Long institutionId();

	/** The acting user's department, if any. */
	Long departmentId();

}
