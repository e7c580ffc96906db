package org.mentorhub.platform;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform-wide settings ({@code mentorhub.platform.*}).
 *
 * @param baseUrl the public address of MentorHub, used for every link it sends out (never the
 * request's {@code Host} header)
 */
@ConfigurationProperties("mentorhub.platform")
public record PlatformProperties(@DefaultValue("http://localhost:8080") URI baseUrl) {
}
