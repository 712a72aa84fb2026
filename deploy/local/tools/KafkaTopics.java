import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Readiness check and topic creation for the local stack, in one JVM (a JVM start costs
 * more than the work). Run as a single-file source program by stack.sh:
 *
 * <pre>java -cp 'lib/kafka/*' KafkaTopics.java BOOTSTRAP TIMEOUT_SECONDS PARTITIONS TOPIC...</pre>
 *
 * Waits until the broker answers a topic listing, then creates the missing topics with
 * PARTITIONS partitions and replication factor 1. Existing topics are left as they are.
 */
public class KafkaTopics {
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: KafkaTopics BOOTSTRAP TIMEOUT_SECONDS PARTITIONS TOPIC...");
            System.exit(2);
        }
        String bootstrap = args[0];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        int partitions = Integer.parseInt(args[2]);
        List<String> wanted = List.of(args).subList(3, args.length);

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = listTopicsUntilReady(admin, deadline);

            List<NewTopic> missing = new ArrayList<>();
            for (String topic : wanted) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            for (KafkaFuture<Void> creation : admin.createTopics(missing).values().values()) {
                try {
                    creation.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // another process (a service, a test) may have created it meanwhile
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }

            Map<String, TopicDescription> described =
                    admin.describeTopics(wanted).allTopicNames().get(30, TimeUnit.SECONDS);
            for (String topic : wanted) {
                int actual = described.get(topic).partitions().size();
                String origin = existing.contains(topic) ? "exists " : "created";
                String note = actual == partitions ? "" : "  (KAFKA_PARTITIONS=" + partitions + " differs)";
                System.out.printf("  topic %s %s, %d partitions%s%n", origin, topic, actual, note);
            }
        }
    }

    /** Retries the listing: right after the port opens the broker may still be catching up. */
    private static Set<String> listTopicsUntilReady(Admin admin, long deadline) throws Exception {
        while (true) {
            try {
                return admin.listTopics().names().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not answer a topic listing in time", e);
                }
                Thread.sleep(500);
            }
        }
    }
}
