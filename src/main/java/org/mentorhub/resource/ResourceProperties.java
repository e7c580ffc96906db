package org.mentorhub.resource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The resource library's settings.
 * @param maxFileSize the largest uploaded file of a resource (PDF, audio or video); keep
 * spring.servlet.multipart.max-file-size at least this large
 * @param commentsPerMinute how many comments one person may post a minute (QUALITY S14)
 */
@ConfigurationProperties("mentorhub.resources")
record ResourceProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("10") int commentsPerMinute) {
}
