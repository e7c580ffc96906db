package org.mentorhub.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the application and its database that a test can cut and restore, like a
 * database server that goes away and comes back: {@link #cut()} closes every open connection and
 * stops listening (new connections are refused), {@link #restore()} listens again on the same port.
 */
final class TcpCutter implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	TcpCutter(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		ServerSocket first = listen(0);
		this.port = first.getLocalPort();
		start(first);
	}

	int port() {
		return this.port;
	}

	/** The database goes away: open connections are reset, new ones refused. */
	synchronized void cut() throws IOException {
		this.server.close();
		for (Socket socket : this.open) {
			try {
				socket.setSoLinger(true, 0);
				socket.close();
			}
			catch (IOException ignored) {
				// already closed
			}
		}
		this.open.clear();
	}

	/** The database is back. */
	synchronized void restore() throws IOException {
		if (!this.server.isClosed()) {
			return;
		}
		start(listen(this.port));
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return socket;
	}

	private void start(ServerSocket listening) {
		this.server = listening;
		Thread acceptor = new Thread(() -> {
			while (!listening.isClosed()) {
				try {
					Socket client = listening.accept();
					Socket database = new Socket(this.targetHost, this.targetPort);
					this.open.add(client);
					this.open.add(database);
					pipe(client, database);
					pipe(database, client);
				}
				catch (IOException ex) {
					// closed by cut(), or the database refused: the client sees its connection end
				}
			}
		}, "tcp-cutter-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side went away
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ignored) {
					// already closed
				}
			}
		}, "tcp-cutter-pipe");
		thread.setDaemon(true);
		thread.start();
	}

}
