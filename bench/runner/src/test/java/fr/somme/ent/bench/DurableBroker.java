package fr.somme.ent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * The fault campaign's Kafka broker: the same in-process KRaft broker as ent-test-support's KafkaTestBroker (node 1,
 * 3 partitions per topic, topics created on first use), but whose log directory survives a stop. A stop is a clean
 * shutdown of a real broker: every acknowledged record, committed consumer offset and producer state is there again at
 * the restart, on the same port with the same cluster id. (KafkaTestBroker.stopBroker() deletes its log directories on
 * close: what restarts is an empty broker, which would lose acknowledged records instead of delaying them.)
 */
final class DurableBroker implements AutoCloseable {

    private final Path logDir;
    private final int port = Suite.freePort();
    private final int controllerPort = Suite.freePort();
    private final String clusterId = Uuid.randomUuid().toString();
    private EmbeddedKafkaBroker broker;

    /** {@code logDir} is emptied first: each campaign starts from an empty broker. */
    DurableBroker(Path logDir) throws IOException {
        this.logDir = logDir;
        deleteTree(logDir);
        Files.createDirectories(logDir);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    synchronized void start() {
        if (broker != null) {
            return;
        }
        EmbeddedKafkaBroker b = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dir", logDir.toString());
                    p.put("num.partitions", "3");
                    p.put("auto.create.topics.enable", "true");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.num.partitions", "3");
                });
        b.start();
        broker = b;
    }

    /** A clean shutdown (what stopping a broker's pod does); the log stays on disk. */
    synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        deleteTree(logDir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
