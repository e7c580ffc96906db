package org.mentorhub.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo data ({@code mentorhub.demo.*}).
 *
 * @param enabled whether the demo institutions are loaded at start-up (switch off in production)
 * @param password the password of every demo account
 */
@ConfigurationProperties("mentorhub.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("mentorhub-demo") String password) {
}
