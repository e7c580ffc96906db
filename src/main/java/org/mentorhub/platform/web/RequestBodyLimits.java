package org.mentorhub.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies MentorHub reads ({@code mentorhub.platform.request-bodies.*}); uploads
 * (multipart) are bounded by {@code spring.servlet.multipart.max-request-size}.
 *
 * @param small the account, sign-in and other anonymous endpoints
 * @param standard every other body that is not an upload (JSON, forms)
 */
@ConfigurationProperties("mentorhub.platform.request-bodies")
record RequestBodyLimits(@DefaultValue("16KB") DataSize small, @DefaultValue("1MB") DataSize standard) {
}
