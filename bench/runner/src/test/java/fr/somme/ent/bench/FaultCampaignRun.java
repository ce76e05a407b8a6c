package fr.somme.ent.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The entry point of scripts/faults.sh (the second Surefire execution of this module, run only with
 * {@code -Dfaults.skip=false}): the fault-injection campaign of docs/reliability.md. Fails when any check of any
 * scenario fails; the table is printed either way.
 */
class FaultCampaignRun {

    @Test
    void afterEachFaultTheFinalStateEqualsAnUndisturbedRunAndNothingIsLostParkedOrDeadLettered() throws Exception {
        Path root = Path.of(System.getProperty("ent.services.dir", "../..")).toAbsolutePath().normalize();
        FaultCampaign campaign = new FaultCampaign(root, System.getProperty("faults.scenarios", "all"));
        try {
            campaign.run();
        } finally {
            System.out.println();
            System.out.println("Fault-injection campaign, " + campaign.outcomes().size() + " scenarios:");
            System.out.println(campaign.table());
            System.out.println(campaign.figures());
            System.out.println("[faults] results: " + campaign.write());
        }
        if (campaign.anyFailed()) {
            throw new AssertionError("a scenario of the fault campaign failed: see the table above");
        }
    }
}
