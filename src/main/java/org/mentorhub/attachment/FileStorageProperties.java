package org.mentorhub.attachment;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded files are kept ({@code mentorhub.files.*}, docs/attachments.md).
 *
 * @param root the directory of the filesystem store; keep it outside the web root and back it up
 * with the database
 * @param quotaPerOwner the most one user may have stored in all (QUALITY S10)
 * @param maxFileSize the largest attachment of a session, feedback, goal, goal update or mentorship (the
 * servlet's multipart limit, {@code spring.servlet.multipart.max-file-size}, must not be smaller)
 */
@ConfigurationProperties("mentorhub.files")
record FileStorageProperties(@DefaultValue("./data/files") Path root,
		@DefaultValue("100MB") DataSize quotaPerOwner, @DefaultValue("10MB") DataSize maxFileSize) {
}
