package org.entitybase.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.ServiceJar;

/**
 * How fast each {@code entity_change} consumer drains a backlog of the load driver's edit scenario (issue 10): with
 * the stack up ({@code ./entitybase stack up}, its env exported) and the service jars packaged,
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.entitybase.bench.load.DrainBenchmark [--seconds 30] [--clients 8]
 *      [--consumers statement-service,rdf-service,user-service] [--live-seconds 30] [--drain-limit 900]
 * </pre>
 *
 * starts id-allocator and entity-service on free ports (fresh databases, a private topic), runs {@link LoadDriver}'s
 * {@code edit} scenario against entity-service with no consumer running (the outage: the backlog is every event of
 * the run), then starts each consumer alone on a fresh database, the same topic and a fresh consumer group, and times
 * it from ready to its {@code entitybase_consumer_events_total{outcome="processed"}} reaching the backlog: events/s.
 * With {@code --live-seconds}, all consumers then run while the edit scenario runs again, and the lag gauge (age of
 * the last processed event, commit to processed) of each is sampled every 200 ms: p50/p99/max.
 */
public final class DrainBenchmark {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** How long one consumer may take to drain ({@code --drain-limit} seconds): the figure is then a lower bound. */
    private static Duration drainLimit = Duration.ofMinutes(15);

    /** Each consumer's module and the {@code consumer} tag of its metrics. */
    private static final Map<String, String> CONSUMERS = Map.of(
            "statement-service", "statement-service",
            "rdf-service", "rdf-diff-worker",
            "user-service", "user-service");

    private DrainBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int liveSeconds = Integer.parseInt(options.getOrDefault("live-seconds", "0"));
        drainLimit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-limit", "900")));
        List<String> consumers = List.of(options.getOrDefault("consumers", "statement-service,rdf-service,user-service")
                .split(","));
        String label = "drain_" + System.currentTimeMillis() % 100000;
        LocalStack stack = LocalStack.current();
        System.out.printf(
                Locale.ROOT,
                "drain benchmark: edit scenario, %d clients, %ds + %ds (LoadDriver runs 1 client, then %d), %d cores%n",
                clients,
                seconds,
                seconds,
                clients,
                Runtime.getRuntime().availableProcessors());
        try (EntityServiceUnderTest entities = EntityServiceUnderTest.start(label)) {
            String entityDatabase = "entitybase_test_" + label + "_entity";
            long started = System.nanoTime();
            LoadDriver.main(new String[] {
                "--base",
                entities.apiUrl(),
                "--scenarios",
                "edit",
                "--clients",
                Integer.toString(clients),
                "--seconds",
                Integer.toString(seconds),
                "--warmup",
                "0"
            });
            long backlog = awaitOutboxSent(stack, entityDatabase);
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "backlog: %d entity_change events written in %.1f s (%.0f events/s) with no consumer running%n",
                    backlog,
                    writeSeconds,
                    backlog / writeSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %9s %10s %11s %13s %9s%n",
                    "consumer",
                    "events",
                    "drain s",
                    "events/s",
                    "2nd half/s",
                    "dead");
            for (String module : consumers) {
                drain(stack, entities, label, module, backlog);
            }
            if (liveSeconds > 0) {
                live(stack, entities, label, consumers, clients, liveSeconds, backlog);
            }
        }
    }

    private static void drain(
            LocalStack stack, EntityServiceUnderTest entities, String label, String module, long backlog)
            throws Exception {
        String consumer = CONSUMERS.get(module);
        try (ServiceJar service =
                startConsumer(stack, entities, label + "_" + module.replace("-service", ""), module)) {
            long t0 = System.nanoTime();
            long atReady = processed(service, consumer, "processed");
            long done = atReady;
            long deadline = t0 + drainLimit.toNanos();
            // 4 scrapes a second: each renders every meter of the service (Kafka's client has hundreds), and at 20 a
            // second the scraping took several percent of the consumer's CPU
            // the second half of the backlog alone: a consumer started cold spends its first seconds compiling (C2
            // took 39 % of rdf-service's CPU over a one-minute drain), so this is nearer its warm rate
            long halfAt = 0;
            long half = 0;
            while (done + processed(service, consumer, "dead_lettered") < backlog && System.nanoTime() < deadline) {
                Thread.sleep(500);
                done = processed(service, consumer, "processed");
                if (halfAt == 0 && done >= backlog / 2) {
                    halfAt = System.nanoTime();
                    half = done;
                }
            }
            long end = System.nanoTime();
            double secondsTaken = (end - t0) / 1e9;
            double secondHalf = halfAt == 0 || end == halfAt ? Double.NaN : (done - half) / ((end - halfAt) / 1e9);
            long dead = processed(service, consumer, "dead_lettered");
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %9d %10.1f %11.0f %13.0f %9d   (%d already processed when ready)%n",
                    module,
                    done,
                    secondsTaken,
                    (done - atReady) / secondsTaken,
                    secondHalf,
                    dead,
                    atReady);
        }
    }

    /** All consumers up while the edit scenario runs again: the lag gauge of each, sampled. */
    private static void live(
            LocalStack stack,
            EntityServiceUnderTest entities,
            String label,
            List<String> consumers,
            int clients,
            int seconds,
            long backlog)
            throws Exception {
        List<ServiceJar> running = new ArrayList<>();
        try {
            for (String module : consumers) {
                running.add(startConsumer(stack, entities, label + "_live_" + module.replace("-service", ""), module));
            }
            // let them drain the first backlog before the live run (the lag gauge keeps the age its last event had when
            // it was processed, so it cannot tell that a consumer is done)
            for (int i = 0; i < consumers.size(); i++) {
                awaitProcessed(running.get(i), CONSUMERS.get(consumers.get(i)), backlog);
            }
            Map<String, List<Double>> samples = new LinkedHashMap<>();
            consumers.forEach(c -> samples.put(c, new ArrayList<>()));
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < consumers.size(); i++) {
                        try {
                            String consumer = CONSUMERS.get(consumers.get(i));
                            // the gauge is the backlog's last age until the first live event is processed
                            if (processed(running.get(i), consumer, "processed") > backlog) {
                                samples.get(consumers.get(i)).add(gauge(running.get(i), consumer));
                            }
                        } catch (IOException | InterruptedException e) {
                            return;
                        }
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            LoadDriver.main(new String[] {
                "--base",
                entities.apiUrl(),
                "--scenarios",
                "edit",
                "--clients",
                Integer.toString(clients),
                "--seconds",
                Integer.toString(seconds),
                "--warmup",
                "0"
            });
            sampler.interrupt();
            sampler.join();
            System.out.printf(
                    Locale.ROOT, "%-18s %9s %9s %9s %9s%n", "lag under edits", "samples", "p50 s", "p99 s", "max s");
            samples.forEach((module, values) -> {
                List<Double> sorted = new ArrayList<>(values);
                Collections.sort(sorted);
                System.out.printf(
                        Locale.ROOT,
                        "%-18s %9d %9.2f %9.2f %9.2f%n",
                        module,
                        sorted.size(),
                        quantile(sorted, 0.5),
                        quantile(sorted, 0.99),
                        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
            });
        } finally {
            running.forEach(ServiceJar::close);
        }
    }

    private static ServiceJar startConsumer(
            LocalStack stack, EntityServiceUnderTest entities, String database, String module) {
        String db = "entitybase_test_" + database;
        stack.recreateDatabase(db);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VITESS_DATABASE", db);
        env.put("KAFKA_ENTITY_CHANGE_TOPIC", entities.entityChangeTopic());
        env.put(
                "KAFKA_ENTITY_DIFF_TOPIC",
                entities.entityChangeTopic().replace(".entity_change", "." + db + ".entity_diff"));
        // a group of its own: every run drains the whole topic
        env.put("MP_MESSAGING_INCOMING_ENTITY_CHANGE_GROUP_ID", db);
        return ServiceJar.start(module, env);
    }

    private static void awaitProcessed(ServiceJar service, String consumer, long events) throws Exception {
        long deadline = System.nanoTime() + drainLimit.toNanos();
        while (processed(service, consumer, "processed") + processed(service, consumer, "dead_lettered") < events
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static double quantile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static long processed(ServiceJar service, String consumer, String outcome)
            throws IOException, InterruptedException {
        return (long) metric(
                service,
                "entitybase_consumer_events_total\\{[^}]*consumer=\"" + consumer + "\"[^}]*outcome=\"" + outcome
                        + "\"[^}]*\\}");
    }

    private static double gauge(ServiceJar service, String consumer) throws IOException, InterruptedException {
        return metric(service, "entitybase_consumer_lag_seconds\\{[^}]*consumer=\"" + consumer + "\"[^}]*\\}");
    }

    private static double metric(ServiceJar service, String series) throws IOException, InterruptedException {
        String body = HTTP.send(
                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Until entity-service's relay has published every event; how many it has. */
    private static long awaitOutboxSent(LocalStack stack, String database) throws SQLException, InterruptedException {
        try (Connection db = stack.connect(database)) {
            while (count(db, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL") > 0) {
                Thread.sleep(200);
            }
            return count(db, "SELECT COUNT(*) FROM outbox");
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
