package org.mentorhub;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A local SMTP stand-in (GreenMail) for the tests that send real mail: on 127.0.0.1 at the port given (a free
 * one from {@link FreePorts}, since CI runs two suites side by side), without authentication. The test class
 * registers the same port as {@code spring.mail.port}.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	public static GreenMailExtension on(int port) {
		return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
	}

}
