package fr.somme.ent.projects.messaging;

import static fr.somme.ent.projects.messaging.DsdenDecisionConsumerTest.decision;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.projects.ProjectEventsProbe;
import fr.somme.ent.projects.TestClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * DSDEN decisions by event that the charter forbids: each goes to {@code dsden.decisions.v1.dlq} with its reason, and the
 * project is left as it was (no transition, no event, the event id not recorded). The DLQ record is written after the
 * refused transaction rolled back, so once it is there the record has been handled.
 */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class DsdenDecisionRefusalsTest {

    private static final String TOPIC = "dsden.decisions.v1";
    private static final String DLQ = "dsden.decisions.v1.dlq";

    @Inject
    TestClock clock;

    @BeforeEach
    void convention() {
        Fixtures.conventionInForce();
    }

    @AfterEach
    void backToTheProfilesDay() {
        clock.reset();
    }

    @Test
    void aDecisionDatedInTheFutureGoesToTheDlqAndChangesNothing() {
        Place place = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.avenir"), place.uai());
        String before = Fixtures.view(id);
        LocalDate tomorrow = Fixtures.today().plusDays(1);
        String future = decision(UUID.randomUUID().toString(), id, "VALIDATED", place.ienId(), place.circonscription(), null, tomorrow);
        ProjectEventsProbe.assertInboundConforms(future, "fr.ent.dsden.ien-decision-taken.v1");

        assertThat(refusal(id, future), containsString("after today " + Fixtures.today()));
        assertNothingChanged(id, before, List.of("DRAFT", "SUBMITTED"), future);
    }

    @Test
    void aDecisionOnADraftGoesToTheDlqAndChangesNothing() {
        Place place = Fixtures.place();
        String id = Fixtures.draft(place.teacher("prof.brouillon"), place.uai());
        String before = Fixtures.view(id);
        String onDraft = decision(UUID.randomUUID().toString(), id, "VALIDATED", place.ienId(), place.circonscription(), null,
                Fixtures.today());

        assertThat(refusal(id, onDraft), containsString("does not exist")); // a draft is not announced: the DSDEN cannot know it
        assertNothingChanged(id, before, List.of("DRAFT"), onDraft);
    }

    @Test
    void aValidationAfterTheSchoolYearGoesToTheDlqAndChangesNothing() {
        Place place = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.rentree"), place.uai());
        String before = Fixtures.view(id);
        // 2 September 2027: 2026-2027 is over, the convention still in force; the IEN validated on 1 September
        clock.moveTo(Instant.parse("2027-09-02T08:00:00Z"));
        String late = decision(UUID.randomUUID().toString(), id, "VALIDATED", place.ienId(), place.circonscription(), null,
                LocalDate.of(2027, 9, 1));

        String reason = refusal(id, late);
        assertThat(reason, containsString("(409)"));
        assertThat(reason, containsString("school year 2026-2027 ended on 2027-08-31"));
        assertNothingChanged(id, before, List.of("DRAFT", "SUBMITTED"), late);
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDlqWithItsReasonAndChangesNothing() {
        Place place = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.enveloppe"), place.uai());
        String before = Fixtures.view(id);
        // the decision's data sent without its CloudEvents envelope
        String bare = "{\"projectId\":\"" + id + "\",\"decision\":\"VALIDATED\",\"ienId\":\"" + place.ienId()
                + "\",\"circonscriptionCode\":\"" + place.circonscription() + "\",\"decidedOn\":\"" + Fixtures.today() + "\"}";

        assertThat(refusal(id, bare), containsString("missing CloudEvents attribute 'specversion'"));
        assertNothingChanged(id, before, List.of("DRAFT", "SUBMITTED"), null);

        // the consumer moved on: the same decision in its envelope is applied
        String enveloped = decision(UUID.randomUUID().toString(), id, "VALIDATED", place.ienId(), place.circonscription(), null,
                Fixtures.today());
        TopicProbe.send(TOPIC, id, enveloped);
        ProjectEventsProbe.awaitEvent(id, "fr.ent.projects.project-validated.v1");
        assertEquals(List.of("DRAFT", "SUBMITTED", "VALIDATED"), Fixtures.states(id));
    }

    /** Sends the decision keyed by its project and returns the reason it was refused with. */
    private static String refusal(String projectId, String record) {
        TopicProbe.send(TOPIC, projectId, record);
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, r -> record.equals(r.value()));
        assertEquals(projectId, dead.key());
        assertEquals(TOPIC, TopicProbe.header(dead, "dead-letter-topic"));
        return TopicProbe.header(dead, "dead-letter-reason");
    }

    private static void assertNothingChanged(String id, String viewBefore, List<String> states, String record) {
        assertEquals(viewBefore, Fixtures.view(id), "the refused decision changed nothing in the project");
        assertEquals(states, Fixtures.states(id));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-validated.v1"));
        if (record != null) {
            assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE event_id = ?",
                    ProjectEventsProbe.read(record).path("id").asText()), "a refused event is not recorded as applied");
        }
    }
}
