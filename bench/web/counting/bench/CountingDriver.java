package bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpServer;

/**
 * bench/web's statement counter: a JDBC driver for URLs {@code jdbc:counting:<the real URL without jdbc:>}
 * that hands out the real driver's connections behind a proxy counting every statement prepared or created
 * ({@code prepareStatement}, {@code createStatement}, {@code prepareCall}), the same count as the session
 * benchmark's data source proxy. The count is served as plain text on 127.0.0.1 at the port of the system
 * property {@code bench.counter.port}. bench/web/run.sh puts it on MentorHub's class path with Spring
 * Boot's PropertiesLauncher ({@code -Dloader.path}) for the counting phase only; MentorHub's code is
 * unchanged, and the load phase runs without it.
 */
public final class CountingDriver implements Driver {

	static final String PREFIX = "jdbc:counting:";

	static final AtomicLong STATEMENTS = new AtomicLong();

	static {
		try {
			DriverManager.registerDriver(new CountingDriver());
			int port = Integer.getInteger("bench.counter.port", 0);
			if (port > 0) {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
				server.createContext("/", exchange -> {
					byte[] body = (STATEMENTS.get() + "\n").getBytes(StandardCharsets.UTF_8);
					exchange.sendResponseHeaders(200, body.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				});
				server.start();
			}
		}
		catch (SQLException | IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@Override
	public Connection connect(String url, Properties info) throws SQLException {
		if (!acceptsURL(url)) {
			return null;
		}
		String real = "jdbc:" + url.substring(PREFIX.length());
		Connection target = DriverManager.getDriver(real).connect(real, info);
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
				STATEMENTS.incrementAndGet();
			}
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (Connection) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	@Override
	public boolean acceptsURL(String url) {
		return url != null && url.startsWith(PREFIX);
	}

	@Override
	public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
		return new DriverPropertyInfo[0];
	}

	@Override
	public int getMajorVersion() {
		return 1;
	}

	@Override
	public int getMinorVersion() {
		return 0;
	}

	@Override
	public boolean jdbcCompliant() {
		return false;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

}
