package org.entitybase.watchlist.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.testkit.stack.LocalStack;

/** The in-process service on a database of its own, made new for the run, so the jobs' tests count exact rows. */
public class JobsDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "entitybase_test_watchlist_jobs";

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.current();
        stack.recreateDatabase(DATABASE);
        String host = stack.dbHost() + ":" + stack.dbPort() + "/" + DATABASE;
        return Map.of(
                "quarkus.datasource.reactive.url", "mysql://" + host,
                "quarkus.datasource.jdbc.url", "jdbc:mariadb://" + host,
                // small batches: a cleanup of a few hundred rows takes several DELETEs
                "entitybase.watchlist.cleanup.batch", "100");
    }

    @Override
    public void stop() {}
}
