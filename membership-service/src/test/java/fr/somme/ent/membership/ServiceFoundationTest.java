package fr.somme.ent.membership;

import fr.somme.ent.testsupport.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;

/** The suite's common contract (outbox, events, security, operations) against this service. */
@QuarkusTest
class ServiceFoundationTest extends ServiceFoundationContract {
}
