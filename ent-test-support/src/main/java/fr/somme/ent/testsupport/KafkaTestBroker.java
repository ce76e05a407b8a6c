package fr.somme.ent.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real Apache Kafka broker (KRaft, in-process, from the Kafka jars) for {@code @QuarkusTest}s,
 * started once per test JVM and shared by every test class of the module; or the broker at
 * {@code KAFKA_BOOTSTRAP_SERVERS} when that variable is set.
 *
 * <p>Tests may stop and restart the embedded broker (same port, same cluster id) to prove that an
 * outage delays events and never loses them: see {@link #stopBroker()} and {@link #startBroker()}.
 * The broker is registered as a platform MBean, because Quarkus may load this class in more than
 * one class loader and a static field would not be shared.
 */
public class KafkaTestBroker implements QuarkusTestResourceLifecycleManager {

    private static final ObjectName NAME = name();

    /** The controls of the embedded broker, reachable from any class loader through JMX. */
    public interface ControlMBean {
        String getBootstrapServers();

        void stop();

        void start();
    }

    public static final class Control implements ControlMBean {
        private final String bootstrap;
        private final Runnable starter;
        private final Runnable stopper;

        Control(String bootstrap, Runnable starter, Runnable stopper) {
            this.bootstrap = bootstrap;
            this.starter = starter;
            this.stopper = stopper;
        }

        @Override
        public String getBootstrapServers() {
            return bootstrap;
        }

        @Override
        public void stop() {
            stopper.run();
        }

        @Override
        public void start() {
            starter.run();
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by all application starts of this JVM; a shutdown hook closes it.
    }

    /** The bootstrap servers of the broker the tests use, starting the embedded one if needed. */
    public static synchronized String bootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (server.isRegistered(NAME)) {
            try {
                return (String) server.getAttribute(NAME, "BootstrapServers");
            } catch (JMException e) {
                throw new IllegalStateException(e);
            }
        }
        int port = freePort();
        int controllerPort = freePort();
        String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        EmbeddedKafkaBroker[] holder = new EmbeddedKafkaBroker[1];
        Runnable startIt = () -> {
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                    .withNodeId(1)
                    .withKafkaHost("127.0.0.1")
                    .withKafkaPort(port)
                    .withControllerPort(controllerPort)
                    .withClusterId(clusterId)
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> {
                        p.put("num.partitions", "3");
                        p.put("auto.create.topics.enable", "true");
                        p.put("group.initial.rebalance.delay.ms", "0");
                        p.put("offsets.topic.num.partitions", "3");
                    });
            broker.start();
            holder[0] = broker;
        };
        Runnable stopIt = () -> {
            if (holder[0] != null) {
                holder[0].close();
                holder[0] = null;
            }
        };
        startIt.run();
        Runtime.getRuntime().addShutdownHook(new Thread(stopIt, "embedded-kafka-shutdown"));
        String bootstrap = "127.0.0.1:" + port;
        try {
            server.registerMBean(new Control(bootstrap, startIt, stopIt), NAME);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
        return bootstrap;
    }

    /** True when the tests run an embedded broker they can stop and restart. */
    public static boolean isRestartable() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return (external == null || external.isBlank()) && ManagementFactory.getPlatformMBeanServer().isRegistered(NAME);
    }

    public static void stopBroker() {
        invoke("stop");
    }

    public static void startBroker() {
        invoke("start");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(NAME, operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("could not " + operation + " the test broker", e);
        }
    }

    private static ObjectName name() {
        try {
            return new ObjectName("fr.somme.ent.test:type=KafkaTestBroker");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the test broker", e);
        }
    }
}
