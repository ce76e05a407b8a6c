package fr.somme.ent.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.systemtests.ProblemRecorder.Answer;
import fr.somme.ent.systemtests.RunningSuite.Service;

/**
 * Issue #16 point 6, runtime side: after every system-test class (registered for all of them like
 * {@link StudentNamesNowhereCheck}), the problems its requests received ({@link ProblemRecorder}) are checked against
 * docs/errors.md and the services' committed OpenAPI documents, and fail the class when
 * <ol>
 * <li>(a) a {@code type} is not a row of docs/errors.md, or its status is not one of the row's statuses;</li>
 * <li>(b) the operation that answered does not document that status as an {@code application/problem+json} response;</li>
 * <li>(c) the type is rule-specific (not one of {@link ErrorsCatalogue#GENERIC}) and the operation does not list
 * {@code <status> <slug>} in its {@code x-ent-problems} extension — or no operation of the document answered it.</li>
 * </ol>
 * A generic problem answered outside any documented operation (an unknown path: 404, an undocumented method: 405) is
 * reported, not a failure. Each class runs in its own JVM, so each class writes what it recorded to
 * {@code target/system-tests/problem-types/<class>.tsv}, and {@link ProblemTypesReport} sums up every class run so far in
 * {@code target/system-tests/problem-types.md}, with the rule-specific types never seen and the slugs named by
 * {@code dead-letter-reason} headers of the DLQs.
 */
public class ProblemTypesCheck implements AfterAllCallback {

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)+");

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        Map<Answer, Integer> answers = ProblemRecorder.answers();
        boolean running = isRunning();
        if (answers.isEmpty() && !running) {
            return; // a class that started no service (the unit tests of this module)
        }
        ErrorsCatalogue catalogue = ErrorsCatalogue.read(ServiceDocument.root().resolve("docs/errors.md"));
        Map<String, Integer> deadLetters = running ? deadLetterSlugs(catalogue) : Map.of();
        Path dir = ProblemTypesReport.DIR;
        ProblemTypesReport.writeClass(dir, context.getRequiredTestClass().getSimpleName(), answers, deadLetters);
        ProblemTypesReport.writeSummary(dir, catalogue, ProblemTypesCheck::document);
        List<String> violations = violations(answers.keySet(), catalogue, ProblemTypesCheck::document);
        assertEquals(List.of(), violations, "problems answered in " + context.getDisplayName() + " that docs/errors.md or "
                + "the OpenAPI documents do not describe (see " + dir.resolveSibling("problem-types.md") + ")");
    }

    private static boolean isRunning() {
        try {
            RunningSuite.current();
            return true;
        } catch (IllegalStateException notStarted) {
            return false;
        }
    }

    static ServiceDocument document(String module) {
        return ServiceDocument.of(Arrays.stream(Service.values()).filter(s -> s.module.equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module)));
    }

    /** What breaks (a), (b) or (c), one line per answer, sorted. */
    static List<String> violations(Collection<Answer> answers, ErrorsCatalogue catalogue,
            Function<String, ServiceDocument> documents) {
        List<String> out = new ArrayList<>();
        for (Answer a : answers) {
            violation(a, catalogue, documents.apply(a.service())).ifPresent(v -> out.add(v + " — " + a.operation() + " → "
                    + a.status() + " " + a.type()));
        }
        return out.stream().sorted().toList();
    }

    static Optional<String> violation(Answer a, ErrorsCatalogue catalogue, ServiceDocument document) {
        Optional<String> slug = ErrorsCatalogue.slug(a.type());
        if (slug.isEmpty()) {
            return Optional.of("(a) not a problem type of the suite (" + ErrorsCatalogue.TYPE_BASE + "<slug>)");
        }
        if (catalogue.row(slug.get()).isEmpty()) {
            return Optional.of("(a) " + slug.get() + " is not a row of docs/errors.md");
        }
        if (!catalogue.allows(slug.get(), a.status())) {
            return Optional.of("(a) docs/errors.md gives " + slug.get() + " the statuses " + catalogue.statuses(slug.get())
                    + ", not " + a.status());
        }
        boolean ruleSpecific = ErrorsCatalogue.ruleSpecific(slug.get());
        Optional<JsonNode> operation = a.template() == null ? Optional.empty() : document.operation(a.method(), a.template());
        if (operation.isEmpty()) {
            return ruleSpecific ? Optional.of("(c) a rule-specific type answered outside any operation of the document")
                    : Optional.empty();
        }
        if (!ServiceDocument.documentsProblem(operation.get(), a.status())) {
            return Optional.of("(b) the operation does not document " + a.status() + " as application/problem+json");
        }
        if (ruleSpecific && !ServiceDocument.listedProblems(operation.get()).contains(a.status() + " " + slug.get())) {
            return Optional.of("(c) \"" + a.status() + " " + slug.get() + "\" is not in the operation's "
                    + ServiceDocument.PROBLEMS_EXTENSION);
        }
        return Optional.empty();
    }

    /** Slugs of docs/errors.md (those with a hyphen: plain words are too common) named by the DLQs' reasons, counted. */
    private static Map<String, Integer> deadLetterSlugs(ErrorsCatalogue catalogue) {
        Map<String, Integer> found = new TreeMap<>();
        List<String> dlqs = KafkaRecords.allTopics().stream().filter(t -> t.endsWith(".dlq")).toList();
        for (ConsumerRecord<String, byte[]> r : KafkaRecords.readAll(new TreeSet<>(dlqs))) {
            String reason = KafkaRecords.header(r, "dead-letter-reason");
            if (reason == null) {
                continue;
            }
            Matcher m = WORD.matcher(reason);
            while (m.find()) {
                if (catalogue.slugs().contains(m.group())) {
                    found.merge(r.topic() + " " + m.group(), 1, Integer::sum);
                }
            }
        }
        return found;
    }
}
