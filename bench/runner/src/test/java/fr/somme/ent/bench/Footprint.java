package fr.somme.ent.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.ConsumerGroupState;

import fr.somme.ent.bench.Suite.Service;

/**
 * Row f: each service's start → ready (process start to /q/health/ready 200, on its already-migrated database, the
 * service alone being restarted) and its RSS (VmRSS) after the run's load and idle after the restart; the limit is
 * the minimal Quarkus REST app of bench/minimal-app started the same way (same JVM flags), its RSS idle and after the
 * same closed-loop load. Also the consumer-group wait of row g.
 */
final class Footprint {

    /** One service's footprint. */
    record Figures(long startNanos, long rssIdleMb, long rssAfterLoadMb) {
    }

    private final Suite suite;
    private final Size size;

    Footprint(Suite suite, Size size) {
        this.suite = suite;
        this.size = size;
    }

    /** RSS after the load of every service now, then each restarted alone: start → ready and RSS idle. */
    Map<Service, Figures> services() {
        Map<Service, Long> afterLoad = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            afterLoad.put(s, Suite.rssMb(suite.first(s).pid()));
        }
        Map<Service, Figures> figures = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            Duration start = suite.restart(s);
            figures.put(s, new Figures(start.toNanos(), Suite.rssMb(suite.first(s).pid()), afterLoad.get(s)));
        }
        return figures;
    }

    Figures minimalApp() {
        Suite.Instance app = suite.startMinimalApp();
        Duration start = suite.awaitReady(app, "/hello", Duration.ofSeconds(60));
        long idle = Suite.rssMb(app.pid());
        LoadGenerator.Result load = new LoadGenerator(RestReads.CONNECTIONS).run(app.url() + "/hello", "none",
                Duration.ofSeconds(size.warmupSeconds()), Duration.ofSeconds(size.loadSeconds()));
        if (load.errors() > 0) {
            throw new AssertionError("the minimal app answered " + load.errors() + " times with " + load.firstError());
        }
        long after = Suite.rssMb(app.pid());
        suite.stop(app);
        return new Figures(start.toNanos(), idle, after);
    }

    /** Waits until the consumer group is stable with {@code members} members; returns their number. */
    static int awaitGroup(String bootstrap, String group, int members) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int[] seen = new int[1];
            Wait.until("consumer group " + group + " stable with " + (members > 0 ? members : "its") + " members",
                    Duration.ofSeconds(300), Duration.ofMillis(100), () -> {
                        ConsumerGroupDescription d = admin.describeConsumerGroups(java.util.List.of(group)).all()
                                .get(10, TimeUnit.SECONDS).get(group);
                        seen[0] = d.members().size();
                        return d.state() == ConsumerGroupState.STABLE && (members <= 0 ? seen[0] > 0 : seen[0] == members);
                    });
            return seen[0];
        }
    }
}
