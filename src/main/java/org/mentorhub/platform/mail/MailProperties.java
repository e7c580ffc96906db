package org.mentorhub.platform.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings ({@code mentorhub.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender address of every mail
 */
@ConfigurationProperties("mentorhub.mail")
public record MailProperties(@DefaultValue("MentorHub <no-reply@mentorhub.local>") String from) {
}
