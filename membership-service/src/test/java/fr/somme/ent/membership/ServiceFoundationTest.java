package fr.somme.ent.membership;

import fr.somme.ent.testsupport.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The suite's common contract (outbox, events, security, operations) against this service. */
@QuarkusTest
@TestProfile(FixedClock.class) // the module's one profile: the application starts once for every test class
class ServiceFoundationTest extends ServiceFoundationContract {
}
