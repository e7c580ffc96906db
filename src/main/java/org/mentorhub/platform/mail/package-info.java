/**
 * The {@link org.mentorhub.platform.Mailer} behind the scenes: Thymeleaf rendering, SMTP, and the
 * development outbox.
 */
package org.mentorhub.platform.mail;
