package fr.somme.ent.projects;

import fr.somme.ent.testsupport.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The suite's common contract (outbox, events, security, operations) against this service. */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class ServiceFoundationTest extends ServiceFoundationContract {
}
