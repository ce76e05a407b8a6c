package fr.somme.ent.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.systemtests.KafkaRecords.Sent;
import fr.somme.ent.testsupport.EventContracts;

/**
 * The records of the hostile-events campaign (issue #14 point 8): valid CloudEvents as the contracts define them, and
 * hostile records with, for each, how many of the topic's consumers must dead-letter it. A {@link Campaign} publishes
 * them round-robin over the topic's partitions and checks the topic's DLQ against them.
 */
final class HostileEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TIME = "2026-10-05T08:00:00Z";
    private static final String UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    /**
     * A hostile record and the number of the topic's consumers that can never apply it (0: applied or skipped);
     * {@code sameSubject}: published on the partition of its key, in order with the other records of that key (duplicates,
     * reordered events), not round-robin.
     */
    record Hostile(String what, String key, byte[] value, int deadLettered, boolean sameSubject) {
        Hostile(String what, String key, byte[] value, int deadLettered) {
            this(what, key, value, deadLettered, false);
        }
    }

    private HostileEvents() {
    }

    /** A map that keeps its order and accepts null values (a field present with null). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** {@code data} with {@code field} replaced ({@code REMOVE}: absent). */
    static Map<String, Object> with(Map<String, Object> data, String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(data);
        if (value == REMOVE) {
            m.remove(field);
        } else {
            m.put(field, value);
        }
        return m;
    }

    static final Object REMOVE = new Object();

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CloudEvent envelope in structured JSON mode, exactly as given (not checked: hostile ones use it too). */
    static String envelope(String id, String source, String type, String subject, String time, Object data) {
        return json(map("specversion", "1.0", "id", id, "source", source, "type", type, "subject", subject, "time", time,
                "datacontenttype", "application/json", "data", data));
    }

    /** A valid event (checked against contracts/schemas: envelope and the schema of its type). */
    static String event(String id, String source, String type, String subject, Map<String, Object> data) {
        String value = envelope(id, source, type, subject, TIME, data);
        EventContracts.assertConforms(value, type);
        return value;
    }

    static String event(String source, String type, String subject, Map<String, Object> data) {
        return event(UUID.randomUUID().toString(), source, type, subject, data);
    }

    /** A valid SIREN: {@code eightDigits} and its Luhn check digit. */
    static String siren(String eightDigits) {
        for (int d = 0; d <= 9; d++) {
            String candidate = eightDigits + d;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    /** Nine digits whose Luhn checksum is wrong: the shape of a SIREN, not a SIREN. */
    static String notASiren(String eightDigits) {
        String valid = siren(eightDigits);
        return eightDigits + (char) ('0' + (valid.charAt(8) - '0' + 1) % 10);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, n = 0; i >= 0; i--, n++) {
            int d = digits.charAt(i) - '0';
            if (n % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** A valid UAI: {@code sevenDigits} and its check letter (modulo 23). */
    static String uai(String sevenDigits) {
        return sevenDigits + UAI_LETTERS.charAt((int) (Long.parseLong(sevenDigits) % 23));
    }

    /** The shape of a UAI with the wrong check letter. */
    static String uaiWithWrongLetter(String sevenDigits) {
        return sevenDigits + UAI_LETTERS.charAt((int) ((Long.parseLong(sevenDigits) + 1) % 23));
    }

    /**
     * The records no consumer can read as a CloudEvent (not JSON, not an object, a missing or mistyped envelope attribute,
     * an unversioned type, data that is not an object, empty, binary, too deep, oversized): every consumer of the topic
     * dead-letters each of them ({@code consumers} copies in the DLQ). {@code type} and {@code data} are a valid event's.
     */
    static List<Hostile> unreadable(String source, String type, String subject, Map<String, Object> data, int consumers) {
        List<Hostile> h = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        Map<String, Object> ok = map("specversion", "1.0", "id", id, "source", source, "type", type, "subject", subject,
                "time", TIME, "datacontenttype", "application/json", "data", data);
        add(h, "truncated JSON", subject, "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"data\":{", consumers);
        add(h, "plain text", null, "hello, this is not an event", consumers);
        add(h, "a JSON array", "", "[1,2,3]", consumers);
        add(h, "a JSON string", subject, "\"" + type + "\"", consumers);
        add(h, "a JSON number", subject, "42", consumers);
        add(h, "JSON null", null, "null", consumers);
        add(h, "JSON true", subject, "true", consumers);
        add(h, "a JSON object that is not a CloudEvent (the bare data)", subject, json(data), consumers);
        add(h, "specversion 0.3", subject, json(with(ok, "specversion", "0.3")), consumers);
        add(h, "specversion as a number", subject, json(with(ok, "specversion", 1.0)), consumers);
        add(h, "no specversion", subject, json(with(ok, "specversion", REMOVE)), consumers);
        add(h, "no id", subject, json(with(ok, "id", REMOVE)), consumers);
        add(h, "id as a number", subject, json(with(ok, "id", 12345)), consumers);
        add(h, "blank id", subject, json(with(ok, "id", "   ")), consumers);
        add(h, "no source", subject, json(with(ok, "source", REMOVE)), consumers);
        add(h, "no type", subject, json(with(ok, "type", REMOVE)), consumers);
        add(h, "type without its version", subject, json(with(ok, "type", type.substring(0, type.lastIndexOf('.')))), consumers);
        add(h, "type with a minor version", subject, json(with(ok, "type", type + ".1")), consumers);
        add(h, "type in upper case", subject, json(with(ok, "type", type.toUpperCase())), consumers);
        add(h, "type of another organisation", subject, json(with(ok, "type", "com.example.member.created.v1")), consumers);
        add(h, "type as an object", subject, json(with(ok, "type", map("name", type))), consumers);
        add(h, "no time", subject, json(with(ok, "time", REMOVE)), consumers);
        add(h, "time that is not an instant", subject, json(with(ok, "time", "yesterday")), consumers);
        add(h, "time without its zone", subject, json(with(ok, "time", "2026-10-05T08:00:00")), consumers);
        add(h, "no data", subject, json(with(ok, "data", REMOVE)), consumers);
        add(h, "data as a string", subject, json(with(ok, "data", json(data))), consumers);
        add(h, "data as an array", subject, json(with(ok, "data", List.of(data))), consumers);
        add(h, "data null", subject, json(with(ok, "data", null)), consumers);
        add(h, "empty value", subject, "", consumers);
        h.add(new Hostile("a tombstone (null value)", subject, null, consumers));
        add(h, "blank value", subject, "   \n ", consumers);
        h.add(new Hostile("binary garbage", subject, new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, '{' },
                consumers));
        add(h, "JSON nested 5,000 deep", subject, "[".repeat(5000) + "]".repeat(5000), consumers);
        add(h, "oversized (1,000,000 bytes, close to the broker's 1 MiB), cut short", subject,
                "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"data\":{\"padding\":\"" + "x".repeat(1_000_000 - 80), consumers);
        return h;
    }

    /** Valid envelopes whose type no consumer applies: skipped (nothing in the DLQ). */
    static List<Hostile> forNoConsumer(String source, String type, String subject, Map<String, Object> data) {
        String area = type.substring("fr.ent.".length(), type.indexOf('.', "fr.ent.".length()));
        List<Hostile> h = new ArrayList<>();
        add(h, "unknown type", subject, envelope(UUID.randomUUID().toString(), source, "fr.ent." + area + ".never-heard-of.v1",
                subject, TIME, data), 0);
        add(h, "unknown version of a known type (v2)", subject, envelope(UUID.randomUUID().toString(), source,
                type.substring(0, type.lastIndexOf('.')) + ".v2", subject, TIME, data), 0);
        add(h, "the operators' pipeline probe", subject, envelope(UUID.randomUUID().toString(), source,
                "fr.ent.ops.pipeline-probe.v1", subject, TIME, map("probeId", UUID.randomUUID().toString(), "note", "x")), 0);
        return h;
    }

    static void add(List<Hostile> list, String what, String key, String value, int deadLettered) {
        list.add(new Hostile(what, key, value.getBytes(StandardCharsets.UTF_8), deadLettered));
    }

    /** The hostile records of one topic, published round-robin over its partitions, and their DLQ checked. */
    static final class Campaign {
        final String topic;
        final List<Hostile> hostile = new ArrayList<>();
        private final Map<String, Hostile> sent = new LinkedHashMap<>();

        Campaign(String topic) {
            this.topic = topic;
        }

        Campaign add(String what, String key, String value, int deadLettered) {
            HostileEvents.add(hostile, what, key, value, deadLettered);
            return this;
        }

        /** A record of one subject (its key) that must reach the consumers in order with the others of that key. */
        Campaign inOrder(String what, String key, String value, int deadLettered) {
            hostile.add(new Hostile(what, key, value.getBytes(StandardCharsets.UTF_8), deadLettered, true));
            return this;
        }

        Campaign addAll(List<Hostile> records) {
            hostile.addAll(records);
            return this;
        }

        /**
         * Publishes every hostile record, in order, partition after partition (those of one subject on their key's
         * partition); returns the number of partitions.
         */
        int publish(KafkaRecords kafka) {
            assertTrue(hostile.size() >= 50, topic + ": at least 50 hostile records per consumer, not " + hostile.size());
            int partitions = kafka.partitions(topic);
            for (int i = 0; i < hostile.size(); i++) {
                Hostile h = hostile.get(i);
                int partition = h.sameSubject() ? Math.floorMod(h.key().hashCode(), partitions) : i % partitions;
                Sent s = kafka.send(topic, partition, h.key(), h.value());
                sent.put(s.partition() + ":" + s.offset(), h);
            }
            return partitions;
        }

        /**
         * The DLQ holds, for each hostile record, exactly as many copies as consumers that can never apply it, each with
         * a reason; nothing else of the topic (no duplicate, no valid record). Stable for 2 s before it is checked.
         */
        void assertDeadLetters() {
            int expected = hostile.stream().mapToInt(Hostile::deadLettered).sum();
            String dlq = topic + ".dlq";
            try {
                Awaitility.await(expected + " records of " + topic + " in " + dlq).atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(2))
                        .until(() -> KafkaRecords.readAll(dlq).size(), n -> n == expected);
            } catch (ConditionTimeoutException e) {
                // not the expected count: the comparison below says which records differ
            }
            List<ConsumerRecord<String, byte[]>> records = KafkaRecords.readAll(dlq);
            Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(
                    r -> KafkaRecords.header(r, "dead-letter-partition") + ":" + KafkaRecords.header(r, "dead-letter-offset"),
                    TreeMap::new, Collectors.counting()));
            List<String> wrong = new ArrayList<>();
            sent.forEach((where, h) -> {
                long n = copies.getOrDefault(where, 0L);
                if (n != h.deadLettered()) {
                    wrong.add(h.what() + " (" + where + "): " + n + " in the DLQ, expected " + h.deadLettered());
                }
            });
            copies.keySet().stream().filter(where -> !sent.containsKey(where))
                    .forEach(where -> wrong.add("a record that is not hostile (" + where + ") is in the DLQ: "
                            + reasons(records, where)));
            assertEquals(List.of(), wrong, topic + ": what the DLQ holds");
            for (ConsumerRecord<String, byte[]> r : records) {
                assertEquals(topic, KafkaRecords.header(r, "dead-letter-topic"));
                String reason = KafkaRecords.header(r, "dead-letter-reason");
                assertTrue(reason != null && !reason.isBlank(), "a reason for the DLQ record of " + sent.get(
                        KafkaRecords.header(r, "dead-letter-partition") + ":" + KafkaRecords.header(r, "dead-letter-offset")));
            }
        }

        private static List<String> reasons(List<ConsumerRecord<String, byte[]>> records, String where) {
            return records.stream().filter(r -> where.equals(KafkaRecords.header(r, "dead-letter-partition") + ":"
                    + KafkaRecords.header(r, "dead-letter-offset"))).map(r -> KafkaRecords.header(r, "dead-letter-reason"))
                    .toList();
        }
    }
}
