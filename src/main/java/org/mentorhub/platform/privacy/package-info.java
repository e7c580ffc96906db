/**
 * The privacy contract (docs/privacy.md). Every module that stores personal data declares a
 * {@link org.mentorhub.platform.privacy.PrivacyProvider} naming its tables and what it holds and why and for how
 * long; the provider exports and erases or pseudonymises one person's data. PrivacyComplianceTests fails on a
 * module that owns a table with a user column and has no provider or leaves the table out.
 */
@org.springframework.modulith.NamedInterface("privacy")
package org.mentorhub.platform.privacy;
