package fr.somme.ent.projects;

import fr.somme.ent.testsupport.KafkaTestBroker;
import fr.somme.ent.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real parts every test of this module runs against: its PostgreSQL database, a Kafka broker, an OIDC issuer. */
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "project_validation_test"))
@WithTestResource(value = KafkaTestBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
