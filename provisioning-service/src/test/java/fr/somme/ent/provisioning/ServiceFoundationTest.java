package fr.somme.ent.provisioning;

import fr.somme.ent.testsupport.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The suite's common contract (outbox, events, security, operations) against this service. */
@QuarkusTest
@TestProfile(FixedClock.class)
class ServiceFoundationTest extends ServiceFoundationContract {
}
