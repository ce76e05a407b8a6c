package fr.somme.ent.commons;

import fr.somme.ent.testsupport.KafkaTestBroker;
import fr.somme.ent.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real parts the integration tests of this module run against: a PostgreSQL database of their own and a Kafka broker. */
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "ent_commons_test"))
@WithTestResource(value = KafkaTestBroker.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
