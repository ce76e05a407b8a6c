package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.ContractEvents.*;
import static fr.somme.ent.systemtests.HostileEvents.REMOVE;
import static fr.somme.ent.systemtests.HostileEvents.TIME;
import static fr.somme.ent.systemtests.HostileEvents.envelope;
import static fr.somme.ent.systemtests.HostileEvents.event;
import static fr.somme.ent.systemtests.HostileEvents.forNoConsumer;
import static fr.somme.ent.systemtests.HostileEvents.map;
import static fr.somme.ent.systemtests.HostileEvents.notASiren;
import static fr.somme.ent.systemtests.HostileEvents.siren;
import static fr.somme.ent.systemtests.HostileEvents.uai;
import static fr.somme.ent.systemtests.HostileEvents.uaiWithWrongLetter;
import static fr.somme.ent.systemtests.HostileEvents.unreadable;
import static fr.somme.ent.systemtests.HostileEvents.with;
import static fr.somme.ent.systemtests.Journeys.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.somme.ent.systemtests.HostileEvents.Campaign;
import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.Tokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Issue #14 point 8, hostile events: every consumer of every topic gets at least 50 hostile records (unreadable ones,
 * envelopes and data breaking the contracts, unknown types and versions, unknown members, schools and projects,
 * duplicates, reordered events, empty, binary and oversized values) on all partitions, then one valid sentinel per
 * partition. Each sentinel's effect, read through REST, proves that no partition is stuck and no consumer crashed; the
 * topic's DLQ holds exactly one copy per consumer that can never apply a record, each with its reason, and nothing
 * else (no duplicate, no valid record, no record of a type a consumer does not apply).
 */
class HostileEventsIT {

    private static final School SCHOOL = new School("0801759C", "ECOLE ELEMENTAIRE PAUL BAROUX", "80489", "ELEMENTAIRE");
    /** The school of the one project the membership campaign's member agents may see. */
    private static final School DESIGNATED = new School("0801901G", "ECOLE PRIMAIRE LOUISE DE LA MOISSONNIERE", "80725",
            "PRIMAIRE");
    private static KafkaRecords kafka;

    @BeforeAll
    static void startSuite() {
        Journeys.start(HostileEventsIT.class);
        kafka = new KafkaRecords();
        Journeys.dsdenReferenceDataAndConvention(List.of(SCHOOL, DESIGNATED));
        api(Service.BILLING, Journeys.finance()).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0001", "amount", "1000.00", "paidOn", "2027-03-31"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);
    }

    @AfterAll
    static void closeProducer() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** An event as given, not checked against the contracts: the hostile ones. */
    private static String raw(String source, String type, String subject, Map<String, Object> data) {
        return envelope(UUID.randomUUID().toString(), source, type, subject, TIME, data);
    }

    @Test
    void theDsdenReferenceConsumersDeadLetterWhatTheyCannotApplyAndApplyTheSchoolsSentAfter() {
        String topic = "dsden.reference.v1"; // project-validation (both types) and membership (schools only)
        String some = uai("0809100");
        Map<String, Object> school = school(some, "ECOLE DU CAMPAGNE HOSTILE", "0801");
        String dup = uai("0809110");
        String duplicate = event(DSDEN, SCHOOL_UPSERTED, dup, school(dup, "ECOLE EN DOUBLE", "0801"));
        String reordered = uai("0809111");
        Campaign c = new Campaign(topic).addAll(unreadable(DSDEN, SCHOOL_UPSERTED, some, school, 2))
                .addAll(forNoConsumer(DSDEN, SCHOOL_UPSERTED, some, school))
                .add("school without uai", some, raw(DSDEN, SCHOOL_UPSERTED, some, with(school, "uai", REMOVE)), 2)
                .add("school UAI with a wrong check letter", some, raw(DSDEN, SCHOOL_UPSERTED, some,
                        with(school, "uai", uaiWithWrongLetter("0809101"))), 2)
                .add("school without name", some, raw(DSDEN, SCHOOL_UPSERTED, some, with(school, "name", REMOVE)), 2)
                .add("school name as an object", some, raw(DSDEN, SCHOOL_UPSERTED, some, with(school, "name", map("fr", "x"))), 2)
                .add("school name with a NUL character", some, raw(DSDEN, SCHOOL_UPSERTED, some, with(school, "name", "ECO\u0000LE")), 2)
                .add("school commune not an INSEE code", some, raw(DSDEN, SCHOOL_UPSERTED, some, with(school, "communeInsee", "ABCDE")), 2)
                .add("school level LYCEE", some, raw(DSDEN, SCHOOL_UPSERTED, some, with(school, "level", "LYCEE")), 2)
                .add("school without sector", some, raw(DSDEN, SCHOOL_UPSERTED, some, with(school, "sector", REMOVE)), 2)
                // membership keeps schools without their circonscription (project-validation's business)
                .add("school without circonscription", some, raw(DSDEN, SCHOOL_UPSERTED, some,
                        with(school, "circonscriptionCode", REMOVE)), 1)
                // project-validation does not read the status; membership refuses an unknown one
                .add("school status MAYBE", some, raw(DSDEN, SCHOOL_UPSERTED, some, with(school, "status", "MAYBE")), 1)
                .add("circonscription without IEN", "0899", raw(DSDEN, CIRCONSCRIPTION_UPSERTED, "0899",
                        with(circonscription("0899", "ien-x"), "ien", REMOVE)), 1)
                .add("circonscription code in lower case", "ab", raw(DSDEN, CIRCONSCRIPTION_UPSERTED, "ab",
                        circonscription("ab", "ien-x")), 1)
                .add("circonscription IEN id blank", "0899", raw(DSDEN, CIRCONSCRIPTION_UPSERTED, "0899",
                        circonscription("0899", " ")), 1)
                .add("circonscription name of 300 characters", "0899", raw(DSDEN, CIRCONSCRIPTION_UPSERTED, "0899",
                        with(circonscription("0899", "ien-x"), "name", "N".repeat(300))), 1)
                .add("school of a circonscription nobody knows (a school may come first)", uai("0809102"),
                        event(DSDEN, SCHOOL_UPSERTED, uai("0809102"), school(uai("0809102"), "ECOLE ORPHELINE", "9999")), 0)
                .add("school with a member the contract does not know", uai("0809103"), raw(DSDEN, SCHOOL_UPSERTED,
                        uai("0809103"), with(school(uai("0809103"), "ECOLE BAVARDE", "0801"), "headTeacher", "M. X")), 0)
                .inOrder("a school (1st delivery)", dup, duplicate, 0).inOrder("the same event again", dup, duplicate, 0)
                .inOrder("the same event a 3rd time", dup, duplicate, 0)
                .inOrder("reordered: the school's later facts first", reordered, event(DSDEN, SCHOOL_UPSERTED, reordered,
                        school(reordered, "ECOLE RENOMMEE", "0801")), 0)
                .inOrder("reordered: its earlier facts after", reordered, event(DSDEN, SCHOOL_UPSERTED, reordered,
                        school(reordered, "ECOLE ANCIENNE", "0801")), 0);
        int partitions = c.publish(kafka);
        List<String> sentinels = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String uai = uai("080920" + p);
            sentinels.add(uai);
            kafka.send(topic, p, uai, event(DSDEN, SCHOOL_UPSERTED, uai, school(uai, "ECOLE SENTINELLE " + p, "0801")));
        }
        for (String uai : sentinels) {
            awaitTrue("membership knows the sentinel school " + uai, () -> schoolsMatching(uai).size() == 1);
            awaitTrue("a teacher of " + uai + " may write a project (project-validation knows the school)", () -> api(
                    Service.PROJECT_VALIDATION, Journeys.teacher(uai)).body(Map.of("schoolUai", uai, "classLabel", "CM1",
                            "levels", List.of("CM1"), "schoolYear", YEAR, "students", 20, "objectives", "Blog de classe.",
                            "requestedResources", List.of())).post("/projects").then().extract().statusCode() == 201);
        }
        assertEquals(1, schoolsMatching(dup).size(), "a school sent three times is one school");
        c.assertDeadLetters();
        assertReady(Service.MEMBERSHIP, Service.PROJECT_VALIDATION);
    }

    @Test
    void theDsdenDecisionConsumerDeadLettersRefusedDecisionsAppliesEachOnceAndTheDecisionsSentAfter() {
        String topic = "dsden.decisions.v1"; // project-validation
        int partitions = kafka.partitions(topic);
        List<String> sentinels = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            sentinels.add(submitted("CM1-" + p));
        }
        String wrongOnes = submitted("CE1");
        String reordered = submitted("CE2");
        String dup = submitted("CP");
        Map<String, Object> ok = decision(wrongOnes, "VALIDATED", null, "2026-10-05");
        String duplicate = event(DSDEN, IEN_DECISION_TAKEN, dup, decision(dup, "VALIDATED", null, "2026-10-05"));
        Campaign c = new Campaign(topic).addAll(unreadable(DSDEN, IEN_DECISION_TAKEN, wrongOnes, ok, 1))
                .addAll(forNoConsumer(DSDEN, IEN_DECISION_TAKEN, wrongOnes, ok))
                .add("decision without project", wrongOnes, raw(DSDEN, IEN_DECISION_TAKEN, wrongOnes, with(ok, "projectId", REMOVE)), 1)
                .add("project id not a UUID", wrongOnes, raw(DSDEN, IEN_DECISION_TAKEN, wrongOnes, with(ok, "projectId", "P-12")), 1)
                .add("decision MAYBE", wrongOnes, raw(DSDEN, IEN_DECISION_TAKEN, wrongOnes, with(ok, "decision", "MAYBE")), 1)
                .add("no decision", wrongOnes, raw(DSDEN, IEN_DECISION_TAKEN, wrongOnes, with(ok, "decision", REMOVE)), 1)
                .add("no IEN", wrongOnes, raw(DSDEN, IEN_DECISION_TAKEN, wrongOnes, with(ok, "ienId", REMOVE)), 1)
                .add("decided on 'demain'", wrongOnes, raw(DSDEN, IEN_DECISION_TAKEN, wrongOnes, with(ok, "decidedOn", "demain")), 1)
                .add("decided on an object", wrongOnes, raw(DSDEN, IEN_DECISION_TAKEN, wrongOnes,
                        with(ok, "decidedOn", map("day", 5))), 1)
                .add("REJECTED without a reason", wrongOnes, raw(DSDEN, IEN_DECISION_TAKEN, wrongOnes,
                        with(ok, "decision", "REJECTED")), 1)
                .add("a decision on a project nobody knows", wrongOnes, event(DSDEN, IEN_DECISION_TAKEN, wrongOnes,
                        decision(UUID.randomUUID().toString(), "VALIDATED", null, "2026-10-05")), 1)
                .add("a decision by another IEN", wrongOnes, event(DSDEN, IEN_DECISION_TAKEN, wrongOnes,
                        with(ok, "ienId", "ien-amiens-2")), 1)
                .add("a decision naming another circonscription", wrongOnes, event(DSDEN, IEN_DECISION_TAKEN, wrongOnes,
                        with(ok, "circonscriptionCode", "0802")), 1)
                .inOrder("reordered: the later decision (validated on 5 October) first", reordered, event(DSDEN,
                        IEN_DECISION_TAKEN, reordered, decision(reordered, "VALIDATED", null, "2026-10-05")), 0)
                .inOrder("reordered: the earlier one (changes requested on 4 October) after, contradicting it", reordered,
                        event(DSDEN, IEN_DECISION_TAKEN, reordered, decision(reordered, "CHANGES_REQUESTED",
                                "Préciser les objectifs.", "2026-10-04")), 1)
                .inOrder("a decision (1st delivery)", dup, duplicate, 0).inOrder("the same event again", dup, duplicate, 0)
                .inOrder("the same event a 3rd time", dup, duplicate, 0)
                .inOrder("the same decision under a new event id", dup, event(DSDEN, IEN_DECISION_TAKEN, dup,
                        decision(dup, "VALIDATED", null, "2026-10-05")), 0);
        c.publish(kafka);
        for (int p = 0; p < partitions; p++) {
            String project = sentinels.get(p);
            kafka.send(topic, p, project, event(DSDEN, IEN_DECISION_TAKEN, project, decision(project, "VALIDATED", null,
                    "2026-10-05")));
        }
        for (String project : sentinels) {
            awaitTrue("the sentinel decision on " + project + " applied", () -> "VALIDATED".equals(state(project)));
        }
        assertEquals("VALIDATED", state(reordered), "the first decision to arrive holds; the contradicting one is refused");
        assertEquals("VALIDATED", state(dup));
        assertEquals(1, api(Service.PROJECT_VALIDATION, Journeys.dsden()).get("/projects/" + dup + "/transitions").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.to == 'VALIDATED' }").size(),
                "a decision delivered three times and resent under a new id is applied once");
        assertEquals("SUBMITTED", state(wrongOnes), "no refused decision changed the project");
        c.assertDeadLetters();
        assertReady(Service.PROJECT_VALIDATION);
    }

    @Test
    void theMembershipConsumersDeadLetterWhatTheyCannotApplyAndApplyTheEventsSentAfter() {
        String topic = "ent.membership.v1"; // provisioning, billing, project-validation (designations only)
        int partitions = kafka.partitions(topic);
        String project = Journeys.submitProject(DESIGNATED.uai(), "CM2", List.of("CM2"), YEAR, 20, List.of("LECTURE-CM"));
        List<String> classes = new ArrayList<>();
        List<String> billed = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String uai = uai("080930" + p);
            String pending = UUID.randomUUID().toString();
            classes.add(pending);
            kafka.send("ent.projects.v1", p, pending, event(PROJECTS, PROJECT_VALIDATED, pending, projectValidated(pending, uai)));
            String member = siren("2180930" + p);
            billed.add(member);
            kafka.send("ent.provisioning.v1", p, member, event(PROVISIONING, ACCESS_STARTED, member,
                    accessStarted(member, UUID.randomUUID().toString(), uai, 10)));
        }
        awaitTrue("provisioning has the pending classes", () -> classes.stream().allMatch(id -> Journeys.classOf(id)
                .getString("status") != null));
        awaitTrue("billing bills the members with access", () -> billedMembers().containsAll(billed));

        String some = siren("21809100");
        String lost = siren("21809101");
        Map<String, Object> ok = adhesion(some, SCHOOL.uai());
        String dupMember = siren("21809102");
        String duplicate = event(MEMBERSHIP, ADHESION_EFFECTIVE, dupMember, adhesion(dupMember, uai("0809400")));
        String reorderedMember = siren("21809103");
        Campaign c = new Campaign(topic).addAll(unreadable(MEMBERSHIP, ADHESION_EFFECTIVE, some, ok, 3))
                .addAll(forNoConsumer(MEMBERSHIP, ADHESION_EFFECTIVE, some, ok))
                // billing reads only the member and the date of an adhesion; provisioning needs its schools
                .add("adhesion without schools", lost, raw(MEMBERSHIP, ADHESION_EFFECTIVE, lost, with(adhesion(lost), "schools", REMOVE)), 1)
                .add("adhesion of an 8-digit member", "21800465", raw(MEMBERSHIP, ADHESION_EFFECTIVE, "21800465",
                        with(ok, "memberId", "21800465")), 2)
                .add("adhesion of a member id failing Luhn (billing checks the shape only)", lost, raw(MEMBERSHIP,
                        ADHESION_EFFECTIVE, lost, with(ok, "memberId", notASiren("21809104"))), 1)
                .add("adhesion effective on 30 February", some, raw(MEMBERSHIP, ADHESION_EFFECTIVE, some,
                        with(ok, "effectiveDate", "2026-02-30")), 2)
                .add("adhesion naming a UAI with a wrong check letter", lost, raw(MEMBERSHIP, ADHESION_EFFECTIVE, lost,
                        adhesion(lost, uaiWithWrongLetter("0809401"))), 1)
                .add("adhesion's schools as a string", lost, raw(MEMBERSHIP, ADHESION_EFFECTIVE, lost,
                        with(adhesion(lost), "schools", SCHOOL.uai())), 1)
                .add("designations of revision 'two'", lost, raw(MEMBERSHIP, DESIGNATIONS_CHANGED, lost,
                        with(designations(lost, 1, SCHOOL.uai()), "revision", "two")), 2)
                .add("designations of revision 0", lost, raw(MEMBERSHIP, DESIGNATIONS_CHANGED, lost,
                        designations(lost, 0, SCHOOL.uai())), 2)
                .add("designations with schools null", lost, raw(MEMBERSHIP, DESIGNATIONS_CHANGED, lost,
                        with(designations(lost, 1), "schools", null)), 2)
                .add("designations of school year 2026/2027", lost, raw(MEMBERSHIP, DESIGNATIONS_CHANGED, lost,
                        with(designations(lost, 1, SCHOOL.uai()), "schoolYear", "2026/2027")), 2)
                // project-validation keeps which schools a member designates; the adhesion is provisioning's concern
                .add("designations without adhesion", lost, raw(MEMBERSHIP, DESIGNATIONS_CHANGED, lost,
                        with(designations(lost, 1, uai("0809402")), "adhesionId", REMOVE)), 1)
                .add("termination without effective date", lost, raw(MEMBERSHIP, MEMBERSHIP_TERMINATED, lost,
                        with(termination(lost, "2026-12-31"), "effectiveDate", REMOVE)), 2)
                .add("termination id not a UUID (billing does not read it)", lost, raw(MEMBERSHIP, MEMBERSHIP_TERMINATED, lost,
                        with(termination(lost, "2026-12-31"), "terminationId", "T-1")), 1)
                .add("opt-out of no component", lost, raw(MEMBERSHIP, OPT_OUT_NOTIFIED, lost,
                        with(optOut(lost), "components", List.of())), 2)
                .add("member registered without member id", lost, raw(MEMBERSHIP, MEMBER_REGISTERED, lost,
                        with(registered(lost, "Commune perdue"), "memberId", REMOVE)), 1)
                .add("member registered with a NUL in its name", lost, raw(MEMBERSHIP, MEMBER_REGISTERED, lost,
                        registered(lost, "Com\u0000mune")), 1)
                .add("adhesion of a member no service heard of", siren("21809105"), event(MEMBERSHIP, ADHESION_EFFECTIVE,
                        siren("21809105"), adhesion(siren("21809105"), uai("0809403"))), 0)
                .add("designations naming a school nobody knows", siren("21809106"), event(MEMBERSHIP, DESIGNATIONS_CHANGED,
                        siren("21809106"), designations(siren("21809106"), 1, uai("0809404"))), 0)
                .inOrder("an adhesion (1st delivery)", dupMember, duplicate, 0).inOrder("the same event again", dupMember, duplicate, 0)
                .inOrder("the same event a 3rd time", dupMember, duplicate, 0)
                .inOrder("reordered: designations revision 2 first", reorderedMember, event(MEMBERSHIP, DESIGNATIONS_CHANGED,
                        reorderedMember, designations(reorderedMember, 2, DESIGNATED.uai())), 0)
                .inOrder("reordered: revision 1 after", reorderedMember, event(MEMBERSHIP, DESIGNATIONS_CHANGED, reorderedMember,
                        designations(reorderedMember, 1, uai("0809405"))), 0);
        c.publish(kafka);
        List<String> agents = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String adhering = siren("2180950" + p);
            kafka.send(topic, p, adhering, event(MEMBERSHIP, ADHESION_EFFECTIVE, adhering, adhesion(adhering, uai("080930" + p))));
            kafka.send(topic, p, billed.get(p), event(MEMBERSHIP, MEMBERSHIP_TERMINATED, billed.get(p),
                    termination(billed.get(p), "2026-06-30")));
            String agent = siren("2180960" + p);
            agents.add(agent);
            kafka.send(topic, p, agent, event(MEMBERSHIP, DESIGNATIONS_CHANGED, agent, designations(agent, 1,
                    DESIGNATED.uai())));
        }
        for (int p = 0; p < partitions; p++) {
            String pending = classes.get(p);
            String adhering = siren("2180950" + p);
            awaitTrue("provisioning applied the adhesion of " + adhering, () -> adhering.equals(Journeys.classOf(pending)
                    .getString("memberId")));
            String agent = agents.get(p);
            awaitTrue("project-validation applied the designations of " + agent, () -> projectsSeenBy(agent).contains(project));
        }
        awaitTrue("billing applied the terminations before the year", () -> billedMembers().stream().noneMatch(billed::contains));
        assertEquals(List.of(project), projectsSeenBy(reorderedMember), "the latest revision holds, whatever the order");
        c.assertDeadLetters();
        assertReady(Service.PROVISIONING, Service.BILLING, Service.PROJECT_VALIDATION);
    }

    @Test
    void theProjectsConsumerDeadLettersWhatItCannotApplyAndAppliesTheProjectsSentAfter() {
        String topic = "ent.projects.v1"; // provisioning
        String some = UUID.randomUUID().toString();
        Map<String, Object> ok = projectValidated(some, SCHOOL.uai());
        String nowhere = UUID.randomUUID().toString();
        String dup = UUID.randomUUID().toString();
        String duplicate = event(PROJECTS, PROJECT_VALIDATED, dup, projectValidated(dup, uai("0809501")));
        String reordered = UUID.randomUUID().toString();
        Campaign c = new Campaign(topic).addAll(unreadable(PROJECTS, PROJECT_VALIDATED, some, ok, 1))
                .addAll(forNoConsumer(PROJECTS, PROJECT_VALIDATED, some, ok))
                .add("validated without project id", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "projectId", REMOVE)), 1)
                .add("project id not a UUID", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "projectId", "P-1")), 1)
                .add("school UAI with a wrong check letter", some, raw(PROJECTS, PROJECT_VALIDATED, some,
                        with(ok, "schoolUai", uaiWithWrongLetter("0809502"))), 1)
                .add("school UAI not a UAI", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "schoolUai", "ECOLE")), 1)
                .add("school year 2026-27", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "schoolYear", "2026-27")), 1)
                .add("students as text", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "students", "vingt")), 1)
                .add("negative students", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "students", -1)), 1)
                .add("blank teacher", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "teacherId", " ")), 1)
                .add("no class label", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "classLabel", REMOVE)), 1)
                .add("requested resources as a string", some, raw(PROJECTS, PROJECT_VALIDATED, some,
                        with(ok, "requestedResources", "LECTURE-CM")), 1)
                .add("validated on 05/10/2026", some, raw(PROJECTS, PROJECT_VALIDATED, some, with(ok, "validatedOn", "05/10/2026")), 1)
                .add("withdrawn without school year", some, raw(PROJECTS, PROJECT_WITHDRAWN, some,
                        with(projectWithdrawn(some, SCHOOL.uai()), "schoolYear", REMOVE)), 1)
                .add("validated at a school no member designates", nowhere, event(PROJECTS, PROJECT_VALIDATED, nowhere,
                        projectValidated(nowhere, uai("0809503"))), 0)
                .add("withdrawal of a project provisioning never saw", some, event(PROJECTS, PROJECT_WITHDRAWN, some,
                        projectWithdrawn(UUID.randomUUID().toString(), SCHOOL.uai())), 0)
                .inOrder("a validated project (1st delivery)", dup, duplicate, 0).inOrder("the same event again", dup, duplicate, 0)
                .inOrder("the same event a 3rd time", dup, duplicate, 0)
                .inOrder("reordered: the withdrawal first", reordered, event(PROJECTS, PROJECT_WITHDRAWN, reordered,
                        projectWithdrawn(reordered, uai("0809504"))), 0)
                .inOrder("reordered: the validation after", reordered, event(PROJECTS, PROJECT_VALIDATED, reordered,
                        projectValidated(reordered, uai("0809504"))), 0);
        int partitions = c.publish(kafka);
        List<String> sentinels = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String project = UUID.randomUUID().toString();
            sentinels.add(project);
            kafka.send(topic, p, project, event(PROJECTS, PROJECT_VALIDATED, project, projectValidated(project, uai("080960" + p))));
        }
        for (String project : sentinels) {
            awaitTrue("provisioning has the class of " + project, () -> api(Service.PROVISIONING, Tokens.operator())
                    .get("/classes/" + project).then().extract().statusCode() == 200);
        }
        // A withdrawal is final: read before the validation it follows, it still discards the class.
        awaitTrue("the class of the project withdrawn (delivered first) is discarded",
                () -> "DISCARDED".equals(Journeys.classOf(reordered).getString("status")));
        assertEquals("PROJECT_WITHDRAWN", Journeys.classOf(reordered).getString("closeReason"));
        JsonPath pending = Journeys.classOf(nowhere);
        assertEquals("PENDING", pending.getString("status"));
        assertTrue(pending.getList("reasons").contains("school-not-designated"), pending.prettify());
        assertEquals(1, api(Service.PROVISIONING, Tokens.operator()).get("/classes?status=PENDING&size=500").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.projectId == '" + dup + "' }").size(),
                "a project validated three times is one class");
        c.assertDeadLetters();
        assertReady(Service.PROVISIONING);
    }

    @Test
    void theProvisioningConsumersDeadLetterWhatTheyCannotApplyAndApplyTheEventsSentAfter() {
        String topic = "ent.provisioning.v1"; // billing, project-validation (class-deployed, access-ended)
        int partitions = kafka.partitions(topic);
        List<String> projects = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            projects.add(submitted("CM1-CM2-" + p));
        }
        String some = siren("21809700");
        String project = UUID.randomUUID().toString();
        Map<String, Object> ok = accessStarted(some, project, SCHOOL.uai(), 20);
        String dupMember = siren("21809701");
        String duplicate = event(PROVISIONING, ACCESS_STARTED, dupMember, accessStarted(dupMember, UUID.randomUUID().toString(),
                uai("0809701"), 11));
        String reorderedMember = siren("21809702");
        String reorderedProject = UUID.randomUUID().toString();
        Campaign c = new Campaign(topic).addAll(unreadable(PROVISIONING, ACCESS_STARTED, some, ok, 2))
                .addAll(forNoConsumer(PROVISIONING, ACCESS_STARTED, some, ok))
                .add("access started with -3 students", some, raw(PROVISIONING, ACCESS_STARTED, some, with(ok, "students", -3)), 1)
                .add("students as text", some, raw(PROVISIONING, ACCESS_STARTED, some, with(ok, "students", "beaucoup")), 1)
                .add("school level LYCEE", some, raw(PROVISIONING, ACCESS_STARTED, some, with(ok, "schoolLevel", "LYCEE")), 1)
                .add("an 8-digit member", some, raw(PROVISIONING, ACCESS_STARTED, some, with(ok, "memberId", "21800465")), 1)
                .add("no access start date", some, raw(PROVISIONING, ACCESS_STARTED, some, with(ok, "accessStartDate", REMOVE)), 1)
                .add("project id not a UUID", some, raw(PROVISIONING, ACCESS_STARTED, some, with(ok, "projectId", "P-2")), 1)
                .add("accounts provisioned without teacher accounts", some, raw(PROVISIONING, ACCOUNTS_PROVISIONED, some,
                        with(accountsProvisioned(some, project, SCHOOL.uai()), "teacherAccounts", REMOVE)), 1)
                .add("licences assigned of quantity 0", some, raw(PROVISIONING, LICENCES_ASSIGNED, some,
                        with(licencesAssigned(some, project, SCHOOL.uai()), "quantity", 0)), 1)
                .add("class deployed with a project id that is not a UUID", some, raw(PROVISIONING, CLASS_DEPLOYED, some,
                        with(classDeployed(some, project, SCHOOL.uai(), "2026-10-05"), "projectId", "P-3")), 1)
                .add("class deployed without its day", some, raw(PROVISIONING, CLASS_DEPLOYED, some,
                        with(classDeployed(some, project, SCHOOL.uai(), "2026-10-05"), "deployedOn", REMOVE)), 1)
                // billing does not read the reason of an access that ended; project-validation needs it
                .add("access ended without reason", some, raw(PROVISIONING, ACCESS_ENDED, some,
                        with(accessEnded(some, project, SCHOOL.uai(), "2026-12-31"), "reason", REMOVE)), 1)
                .add("access ended 'bientôt'", some, raw(PROVISIONING, ACCESS_ENDED, some,
                        accessEnded(some, project, SCHOOL.uai(), "bientôt")), 2)
                .add("class deployed of a project project-validation never knew", some, event(PROVISIONING, CLASS_DEPLOYED,
                        some, classDeployed(some, UUID.randomUUID().toString(), SCHOOL.uai(), "2026-10-05")), 0)
                .inOrder("access started (1st delivery)", dupMember, duplicate, 0).inOrder("the same event again", dupMember, duplicate, 0)
                .inOrder("the same event a 3rd time", dupMember, duplicate, 0)
                .inOrder("reordered: the access ended first", reorderedMember, event(PROVISIONING, ACCESS_ENDED, reorderedMember,
                        accessEnded(reorderedMember, reorderedProject, uai("0809702"), "2026-12-31")), 0)
                .inOrder("reordered: its start after", reorderedMember, event(PROVISIONING, ACCESS_STARTED, reorderedMember,
                        accessStarted(reorderedMember, reorderedProject, uai("0809702"), 7)), 0);
        c.publish(kafka);
        List<String> members = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String member = siren("2180980" + p);
            members.add(member);
            kafka.send(topic, p, member, event(PROVISIONING, CLASS_DEPLOYED, member, classDeployed(member, projects.get(p),
                    SCHOOL.uai(), "2026-10-0" + (1 + p))));
            kafka.send(topic, p, member, event(PROVISIONING, ACCESS_STARTED, member, accessStarted(member,
                    UUID.randomUUID().toString(), uai("080980" + p), 5 + p)));
        }
        for (int p = 0; p < partitions; p++) {
            String deployed = projects.get(p);
            String on = "2026-10-0" + (1 + p);
            awaitTrue("project-validation knows " + deployed + " deployed", () -> on.equals(api(Service.PROJECT_VALIDATION,
                    Journeys.dsden()).get("/projects/" + deployed).then().statusCode(200).extract().path("deployedOn")));
        }
        awaitTrue("billing applied the sentinel accesses", () -> billedMembers().containsAll(members));
        JsonPath simulation = simulation();
        for (int p = 0; p < partitions; p++) {
            assertEquals(5 + p, simulation.getInt("computed.find { it.memberId == '" + members.get(p) + "' }.derivation.students"));
        }
        assertEquals(11, simulation.getInt("computed.find { it.memberId == '" + dupMember + "' }.derivation.students"),
                "an access delivered three times counts its 11 students once");
        c.assertDeadLetters();
        assertReady(Service.BILLING, Service.PROJECT_VALIDATION);
    }

    @Test
    void theBillingConsumerDeadLettersWhatItCannotApplyAndAppliesTheCallsSentAfter() {
        String topic = "ent.billing.v1"; // provisioning (the bilans)
        String some = siren("21809900");
        Map<String, Object> ok = callIssued(some, UUID.randomUUID().toString(), "100.00");
        String dupMember = siren("21809901");
        String duplicate = event(BILLING, CALL_ISSUED, dupMember, callIssued(dupMember, UUID.randomUUID().toString(), "123.45"));
        String reorderedMember = siren("21809902");
        String reorderedCall = UUID.randomUUID().toString();
        Campaign c = new Campaign(topic).addAll(unreadable(BILLING, CALL_ISSUED, some, ok, 1))
                .addAll(forNoConsumer(BILLING, CALL_ISSUED, some, ok))
                .add("amount with one decimal", some, raw(BILLING, CALL_ISSUED, some, with(ok, "amount", "12.5")), 1)
                .add("amount as a number", some, raw(BILLING, CALL_ISSUED, some, with(ok, "amount", 12.5)), 1)
                .add("call id not a UUID", some, raw(BILLING, CALL_ISSUED, some, with(ok, "callId", "AC-1")), 1)
                .add("member id failing Luhn", some, raw(BILLING, CALL_ISSUED, some, with(ok, "memberId", notASiren("21809903"))), 1)
                .add("school year 2026", some, raw(BILLING, CALL_ISSUED, some, with(ok, "schoolYear", "2026")), 1)
                .add("no kind", some, raw(BILLING, CALL_ISSUED, some, with(ok, "kind", REMOVE)), 1)
                .add("issued in the 13th month", some, raw(BILLING, CALL_ISSUED, some, with(ok, "issuedOn", "2027-13-01")), 1)
                .add("paid without date", some, raw(BILLING, CALL_PAID, some,
                        with(callPaid(some, UUID.randomUUID().toString(), "100.00"), "paidOn", REMOVE)), 1)
                .add("cancelled without call id", some, raw(BILLING, CALL_CANCELLED, some,
                        with(callCancelled(some, UUID.randomUUID().toString()), "callId", REMOVE)), 1)
                .add("cancellation of a call never issued", some, event(BILLING, CALL_CANCELLED, some,
                        callCancelled(some, UUID.randomUUID().toString())), 0)
                .inOrder("a call issued (1st delivery)", dupMember, duplicate, 0).inOrder("the same event again", dupMember, duplicate, 0)
                .inOrder("the same event a 3rd time", dupMember, duplicate, 0)
                .inOrder("reordered: the payment first", reorderedMember, event(BILLING, CALL_PAID, reorderedMember,
                        callPaid(reorderedMember, reorderedCall, "50.00")), 0)
                .inOrder("reordered: the issue after", reorderedMember, event(BILLING, CALL_ISSUED, reorderedMember,
                        callIssued(reorderedMember, reorderedCall, "50.00")), 0);
        int partitions = c.publish(kafka);
        List<String> members = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String member = siren("2181000" + p);
            members.add(member);
            kafka.send(topic, p, member, event(BILLING, CALL_ISSUED, member, callIssued(member, UUID.randomUUID().toString(),
                    (200 + p) + ".00")));
        }
        for (int p = 0; p < partitions; p++) {
            String member = members.get(p);
            String amount = (200 + p) + ".00";
            awaitTrue("provisioning's bilan shows the call of " + member, () -> amount.equals(called(member)));
        }
        assertEquals("123.45", called(dupMember), "a call delivered three times is called once");
        c.assertDeadLetters();
        assertReady(Service.PROVISIONING);
    }

    // ---- reads through REST

    private static String submitted(String classLabel) {
        return Journeys.submitProject(SCHOOL.uai(), classLabel, List.of("CM1"), YEAR, 20, List.of("LECTURE-CM"));
    }

    private static String state(String project) {
        return api(Service.PROJECT_VALIDATION, Journeys.dsden()).get("/projects/" + project).then().statusCode(200)
                .extract().path("state");
    }

    private static List<Object> schoolsMatching(String uai) {
        return api(Service.MEMBERSHIP, Tokens.operator()).queryParam("q", uai).get("/reference/schools").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static List<String> projectsSeenBy(String memberId) {
        return api(Service.PROJECT_VALIDATION, Tokens.memberAgent(memberId)).get("/projects?size=500").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    private static JsonPath simulation() {
        return api(Service.BILLING, Journeys.finance()).get("/periods/" + YEAR + "/simulation").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> billedMembers() {
        return simulation().getList("computed.memberId");
    }

    private static String called(String memberId) {
        return api(Service.PROVISIONING, Tokens.operator()).queryParam("schoolYear", YEAR).get("/reports/bilans").then()
                .statusCode(200).extract().path("byMember.find { it.memberId == '" + memberId + "' }.contributionsCalled");
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(condition, Predicate.isEqual(true));
    }

    /** No consumer crashed the service: each is still ready (database and Kafka) on its management port. */
    private static void assertReady(Service... services) {
        for (Service s : services) {
            RestAssured.given().baseUri(Journeys.suite().managementUrl(s)).get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }
}
