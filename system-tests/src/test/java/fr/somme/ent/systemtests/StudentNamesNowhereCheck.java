package fr.somme.ent.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import fr.somme.ent.systemtests.RunningSuite.Service;

/**
 * Issue #14 point 8, privacy: after every journey class (registered for all of them through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}, autodetection on in {@code junit-platform.properties}),
 * while its four services still run, no student name the journeys give appears in a line of the services' logs
 * ({@code target/system-tests/<journey>/}), in a record of any topic of the broker (keys, values and headers, the DLQs
 * included) nor in the services' metrics ({@code /q/metrics}, labels included). Each journey class runs in its own JVM
 * with its own broker and services, so the check runs in each, after the class's own {@code @AfterAll}.
 */
public class StudentNamesNowhereCheck implements AfterAllCallback {

    /** Every student name the journeys give (case-insensitive), and the first names of TwoSchoolYearsIT's seats. */
    static Pattern studentNames() {
        List<String> names = new ArrayList<>();
        names.add(constant(TwoSchoolYearsIT.class, "YEAR_1_NAME"));
        names.add(constant(TwoSchoolYearsIT.class, "YEAR_2_NAME"));
        names.addAll(TenancyMatrixIT.STUDENT_LAST_NAMES);
        names.addAll(TenancyMatrixIT.STUDENT_FIRST_NAMES);
        String alternatives = String.join("|", names.stream().map(Pattern::quote).toList());
        return Pattern.compile("(?iu)\\b(" + alternatives + ")\\b|Élève[A-Z]\\b");
    }

    /** A journey's private constant, read so that renaming it breaks this check instead of silently skipping a name. */
    private static String constant(Class<?> journey, String name) {
        try {
            Field f = journey.getDeclaredField(name);
            f.setAccessible(true);
            return (String) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(journey.getSimpleName() + "." + name + " (a student name) is gone: update "
                    + StudentNamesNowhereCheck.class.getSimpleName(), e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        RunningSuite suite;
        try {
            suite = RunningSuite.current();
        } catch (IllegalStateException notStarted) {
            return; // a class that started no service
        }
        Pattern names = studentNames();
        List<String> found = new ArrayList<>();
        Path logs = Path.of("target", "system-tests", context.getRequiredTestClass().getSimpleName());
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        find(names, lines.get(i), log.getFileName() + ":" + (i + 1), found);
                    }
                }
            }
        }
        for (ConsumerRecord<String, byte[]> r : KafkaRecords.readAll(KafkaRecords.allTopics())) {
            String where = r.topic() + "-" + r.partition() + "@" + r.offset();
            find(names, r.key(), where + " key", found);
            find(names, r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), where + " value", found);
            for (Header h : r.headers()) {
                find(names, new String(h.value(), StandardCharsets.UTF_8), where + " header " + h.key(), found);
            }
        }
        for (Service service : Service.values()) {
            String metrics = given().baseUri(suite.managementUrl(service)).get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            find(names, metrics, service.module + " /q/metrics", found);
        }
        assertEquals(List.of(), found, "student names in logs, events or metrics of " + context.getDisplayName());
    }

    private static void find(Pattern names, String text, String where, List<String> found) {
        if (text == null) {
            return;
        }
        Matcher m = names.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 60);
            found.add(where + ": …" + text.substring(from, Math.min(text.length(), m.end() + 60)).replace('\n', ' ') + "…");
        }
    }
}
