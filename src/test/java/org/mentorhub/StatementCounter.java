package org.mentorhub;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements that the current thread prepares or creates on the application's data
 * source, for tests that pin the number of queries of a page or an API call (QUALITY P-targets: a
 * fixed number of queries per request, whatever the size of the data). MockMvc runs a request on
 * the test's thread, so background work (jobs, event listeners, schedulers) never adds to a count.
 * <pre>
 * long statements = StatementCounter.count(() -&gt; mvc.perform(get("/sessions").with(user(mentor))));
 * </pre>
 * Imported by {@link MentorHubIntegrationTest}, so every integration test shares one application
 * context with the counting data source.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

	private static final AtomicLong TOTAL = new AtomicLong();

	/** How many statements the work prepared or created on this thread. */
	public static long count(Callable<?> work) throws Exception {
		long before = COUNT.get()[0];
		work.call();
		return COUNT.get()[0] - before;
	}

	/**
	 * Statements on every thread since start-up: for a test against a real server
	 * (a {@code @MentorHubServerTest} that adds {@code @Import(StatementCounter.class)}), whose requests run on the
	 * server's threads. Count one request at a time.
	 */
	public static long total() {
		return TOTAL.get();
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof DataSource)) {
					return bean;
				}
				ProxyFactory factory = new ProxyFactory(bean);
				// A class proxy: whoever asks for the pool's own type (metrics, health) still gets it.
				factory.setProxyTargetClass(true);
				factory.addAdvice((MethodInterceptor) invocation -> {
					Object result = invocation.proceed();
					return result instanceof Connection connection
							&& invocation.getMethod().getName().equals("getConnection") ? counting(connection)
									: result;
				});
				return factory.getProxy();
			}

		};
	}

	private static Connection counting(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
				COUNT.get()[0]++;
				TOTAL.incrementAndGet();
			}
			if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> type && type.isInstance(target)) {
				return target;
			}
			if (name.equals("isWrapperFor") && args != null && args[0] instanceof Class<?> type
					&& type.isInstance(target)) {
				return true;
			}
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

}
