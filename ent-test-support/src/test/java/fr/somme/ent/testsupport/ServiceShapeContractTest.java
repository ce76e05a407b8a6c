package fr.somme.ent.testsupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** The shape contract catches each violation it names (fixture module "bad") and passes a clean module ("good"). */
class ServiceShapeContractTest {

    static final class Bad extends ServiceShapeContract {
        @Override
        protected Path moduleRoot() {
            return Path.of("src/test/resources/shape/bad");
        }
    }

    static final class Good extends ServiceShapeContract {
        @Override
        protected Path moduleRoot() {
            return Path.of("src/test/resources/shape/good");
        }
    }

    @Test
    void sqlInAResourceOrAServiceIsCaughtWithItsFileAndLine() {
        String message = fails(new Bad()::nativeSqlLivesOnlyInRepositoryPackages);
        assertTrue(message.contains("CallResource.java:12 createNativeQuery"), message);
        assertTrue(message.contains("GateService.java:13"), message);
    }

    @Test
    void objectArraysAndPositionalReadsAreCaught() {
        String message = fails(new Bad()::rowsAreNeverCarriedAsObjectArraysNorReadByPosition);
        assertTrue(message.contains("CallResource.java:12 array of Object"), message);
        assertTrue(message.contains("rs.getString(13)"), message);
    }

    @Test
    void aResourceImportingTheEntityManagerIsCaught() {
        String message = fails(new Bad()::resourcesNeverTouchStorage);
        assertTrue(message.contains("jakarta.persistence.EntityManager"), message);
    }

    @Test
    void aDomainThrowingAnHttpProblemIsCaught() {
        String message = fails(new Bad()::theDomainKnowsNothingOfHttpNorOfTheFramework);
        assertTrue(message.contains("fr.somme.ent.commons.problem.ProblemException"), message);
    }

    @Test
    void aLongFileAndALongMethodAreCaught() {
        String message = fails(new Bad()::noFileIsOver250LinesAndNoMethodOver60);
        assertTrue(message.contains("Long.java has 279 lines"), message);
        assertTrue(message.contains("sum has 74 lines"), message);
    }

    @Test
    void aTestPackageWithoutItsMainPackageIsCaught() {
        String message = fails(new Bad()::testPackagesMirrorMainPackages);
        assertTrue(message.contains("x/gate"), message);
    }

    @Test
    void aModuleInTheSharedShapePassesEveryCheck() {
        Good good = new Good();
        assertAll(good::nativeSqlLivesOnlyInRepositoryPackages, good::rowsAreNeverCarriedAsObjectArraysNorReadByPosition,
                good::resourcesNeverTouchStorage, good::theDomainKnowsNothingOfHttpNorOfTheFramework,
                good::noFileIsOver250LinesAndNoMethodOver60, good::testPackagesMirrorMainPackages);
    }

    private static String fails(Executable check) {
        return assertThrows(AssertionFailedError.class, check).getMessage();
    }
}
