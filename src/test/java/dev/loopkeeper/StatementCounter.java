package dev.loopkeeper;

import dev.loopkeeper.sharedkernel.live.LiveFeed;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends, by wrapping its DataSource. Import it into a test
 * and ask how many statements a piece of work cost (tests that use it run their work on one thread).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final AtomicInteger EXECUTED = new AtomicInteger();
    private static final AtomicInteger ON_WATCHED = new AtomicInteger();
    /** The watched table's name as a whole word: {@code improvement_action} is not {@code improvement_action_id}. */
    private static volatile Pattern watched;

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource)
                            .name("counted")
                            .listener(new Counting())
                            .build();
                }
                return bean;
            }
        };
    }

    /** Runs the work and returns how many statements it sent. */
    public static int statementsOf(Supplier<?> work) {
        int before = EXECUTED.get();
        work.get();
        return EXECUTED.get() - before;
    }

    /** Runs the work and returns its statements' SQL, in order: what a count is made of, to read. */
    public static List<String> statementsListedOf(Supplier<?> work) {
        List<String> listed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        listing = listed;
        try {
            work.get();
        } finally {
            listing = null;
        }
        return List.copyOf(listed);
    }

    private static volatile List<String> listing;

    /** Runs the work and returns how many of its statements name the table (not a column named after it). */
    public static int statementsOn(String table, Runnable work) {
        watched = Pattern.compile("(?<![\\w$])" + Pattern.quote(table.toLowerCase()) + "(?![\\w$])");
        int before = ON_WATCHED.get();
        try {
            work.run();
            return ON_WATCHED.get() - before;
        } finally {
            watched = null;
        }
    }

    private static final class Counting implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo info, List<QueryInfo> queries) {}

        @Override
        public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
            String thread = Thread.currentThread().getName();
            if (thread.equals(LiveFeed.THREAD) || thread.startsWith("scheduling-")) {
                // the node reading the other nodes' live updates, and the scheduled pollers (the reports' counts
                // among them), whatever the test is doing
                return;
            }
            EXECUTED.addAndGet(queries.size());
            List<String> listed = listing;
            if (listed != null) {
                queries.forEach(q -> listed.add(q.getQuery().replaceAll("\\s+", " ")));
            }
            Pattern table = watched;
            if (table != null) {
                queries.stream()
                        .filter(q -> table.matcher(q.getQuery().toLowerCase()).find())
                        .forEach(q -> ON_WATCHED.incrementAndGet());
            }
        }
    }
}
