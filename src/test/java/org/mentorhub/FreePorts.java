package org.mentorhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A free loopback port for a stand-in server (GreenMail, ...), so that two test JVMs on one machine (CI runs
 * the H2 and the server-database suites side by side) never fight over a fixed port.
 */
public final class FreePorts {

	private FreePorts() {
	}

	public static int next() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
