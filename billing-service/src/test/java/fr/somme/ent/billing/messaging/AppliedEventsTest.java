package fr.somme.ent.billing.messaging;

import static fr.somme.ent.billing.BillingFixtures.classData;
import static fr.somme.ent.billing.BillingFixtures.event;
import static fr.somme.ent.billing.BillingFixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A poll batch is applied in one transaction, each event once (issue #15 point 5): an event delivered twice in a batch
 * or again in a later batch is applied once, at its first place; a batch with a record that cannot be applied leaves
 * nothing (the consumer then applies its records one by one, {@link BillingConsumersTest}).
 */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class AppliedEventsTest {

    static final String P = "/ent/provisioning-service";
    static final String STARTED = "fr.ent.provisioning.access-started.v1";

    @Inject
    AppliedEvents events;

    @Test
    void anEventDeliveredTwiceInABatchOrInALaterBatchIsAppliedOnceAtItsFirstPlace() {
        String member = "218000900";
        String y = "2034-2035";
        String first = event(P, STARTED, member, access(member, y, "CP", 20));
        String recount = event(P, STARTED, member, access(member, y, "CP", 25));
        String other = event(P, STARTED, member, access(member, y, "CE1", 18));

        assertEquals(3, events.applyBatch(AppliedEvents.PROVISIONING, List.of(first, recount, first, other, recount)));
        assertEquals(25, students(member, y, "CP"), "the repeat of the first count, later in the batch, was not applied");
        assertEquals(18, students(member, y, "CE1"));

        assertEquals(0, events.applyBatch(AppliedEvents.PROVISIONING, List.of(first, other)));
        assertEquals(25, students(member, y, "CP"), "the first count, delivered again in a later batch, was not applied");
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id IN (?, ?, ?)",
                AppliedEvents.PROVISIONING, id(first), id(recount), id(other)));
    }

    @Test
    void aBatchWithARecordThatCannotBeAppliedLeavesNothingOfTheBatch() {
        String member = "218000918";
        String y = "2034-2035";
        String good = event(P, STARTED, member, access(member, y, "CM1", 22));
        Map<String, Object> bad = access(member, y, "CM2", 21);
        bad.put("students", -3);
        String refused = raw(P, STARTED, member, bad);

        assertThrows(RuntimeException.class, () -> events.applyBatch(AppliedEvents.PROVISIONING, List.of(good, refused)));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM class_access WHERE member_id = ?", member));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)", id(good),
                id(refused)));

        events.applyRecord(AppliedEvents.PROVISIONING, good);
        assertEquals(22, students(member, y, "CM1"), "alone, the good record is applied");
        assertThrows(RuntimeException.class, () -> events.applyRecord(AppliedEvents.PROVISIONING, refused));
    }

    /*
     * Issue #15: the classes of a batch go in one multi-row statement, never the same class twice in one. A class started,
     * started again (later start, new count) and another ended then reopened, all in one batch, of a member billing did
     * not know: each class as the events one by one would leave it (latest count, earliest start, reopened), the member
     * recorded.
     */
    @Test
    void theSameClassSeveralTimesInABatchEndsAsTheEventsOneByOneWouldLeaveIt() {
        String member = "218000934";
        String y = "2034-2035";
        Map<String, Object> cpAgain = access(member, y, "CP", 22);
        cpAgain.put("accessStartDate", "2034-10-01");
        Map<String, Object> ce1Ended = access(member, y, "CE1", 18);
        ce1Ended.remove("accessStartDate");
        ce1Ended.remove("firstAccessForMember");
        ce1Ended.put("accessEndDate", "2035-01-31");
        ce1Ended.put("reason", "MEMBER_TERMINATED");
        Map<String, Object> ce1Again = access(member, y, "CE1", 19);
        ce1Again.put("accessStartDate", "2034-09-02");

        assertEquals(5, events.applyBatch(AppliedEvents.PROVISIONING, List.of(event(P, STARTED, member, access(member, y, "CP", 20)),
                event(P, STARTED, member, access(member, y, "CE1", 18)), event(P, STARTED, member, cpAgain),
                event(P, "fr.ent.provisioning.access-ended.v1", member, ce1Ended), event(P, STARTED, member, ce1Again))));

        assertEquals(22, students(member, y, "CP"), "the latest count");
        assertEquals(19, students(member, y, "CE1"));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM class_access WHERE project_id = ?::uuid AND access_start = "
                + "DATE '2034-09-04' AND access_end IS NULL", project(member, "0800091P", y, "CP").toString()), "the earliest start");
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM class_access WHERE project_id = ?::uuid AND access_start = "
                + "DATE '2034-09-02' AND access_end IS NULL", project(member, "0800091P", y, "CE1").toString()),
                "ended, then started again: reopened");
        assertEquals(2, ServiceDatabase.count("SELECT count(*) FROM class_access WHERE member_id = ? AND school_year = ?", member, y));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM billing_member WHERE member_id = ?", member));
    }

    static Map<String, Object> access(String member, String year, String label, int students) {
        Map<String, Object> data = classData(member, "0800091P", year, label, "ECOLE");
        data.put("students", students);
        data.put("accessStartDate", year.substring(0, 4) + "-09-04");
        data.put("firstAccessForMember", false);
        return data;
    }

    static long students(String member, String year, String label) {
        return ServiceDatabase.count("SELECT students FROM class_access WHERE project_id = ?::uuid AND school_year = ?",
                project(member, "0800091P", year, label).toString(), year);
    }

    /** An event as a producer might send it, not checked against the contract (a record that can never be applied). */
    static String raw(String source, String type, String subject, Map<String, Object> data) {
        try {
            return fr.somme.ent.billing.BillingFixtures.JSON.writeValueAsString(Map.of("specversion", "1.0", "id",
                    java.util.UUID.randomUUID().toString(), "source", source, "type", type, "subject", subject, "time",
                    "2034-09-04T08:00:00Z", "datacontenttype", "application/json", "data", data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(String event) {
        try {
            return fr.somme.ent.billing.BillingFixtures.JSON.readTree(event).path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
