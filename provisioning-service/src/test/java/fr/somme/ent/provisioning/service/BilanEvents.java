package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.somme.ent.provisioning.Platform;
import fr.somme.ent.testsupport.TopicProbe;
import fr.somme.ent.testsupport.Tokens;

/**
 * Inputs of the bilans' tests: ent.billing.v1 events built per contracts/schemas/fr.ent.billing.contribution-call-*
 * (checked by {@code Scenario.envelope}), classes deployed in a given circonscription, accounts activated.
 */
final class BilanEvents {

    static final String BILLING = "ent.billing.v1";

    private BilanEvents() {
    }

    static String issued(String siren, UUID call, String year, String amount) {
        return envelope("/ent/billing-service", "fr.ent.billing.contribution-call-issued.v1", call.toString(),
                "{\"memberId\":\"" + siren + "\",\"callId\":\"" + call + "\",\"number\":\"AC-" + letters()
                        + "\",\"schoolYear\":\"" + year + "\",\"kind\":\"ECOLES_PRO_RATA\",\"amount\":\"" + amount
                        + "\",\"issuedOn\":\"" + today() + "\"}");
    }

    static String paid(String siren, UUID call, String year, String amount) {
        return envelope("/ent/billing-service", "fr.ent.billing.contribution-call-paid.v1", call.toString(),
                "{\"memberId\":\"" + siren + "\",\"callId\":\"" + call + "\",\"number\":\"AC-" + letters()
                        + "\",\"schoolYear\":\"" + year + "\",\"kind\":\"ECOLES_PRO_RATA\",\"amount\":\"" + amount
                        + "\",\"paidOn\":\"" + today() + "\"}");
    }

    static String cancelled(String siren, UUID call, String amount) {
        return envelope("/ent/billing-service", "fr.ent.billing.contribution-call-cancelled.v1", call.toString(),
                "{\"memberId\":\"" + siren + "\",\"callId\":\"" + call + "\",\"creditNoteNumber\":\"AV-" + letters()
                        + "\",\"amount\":\"" + amount + "\",\"reason\":\"erreur de calcul\",\"cancelledOn\":\"" + today() + "\"}");
    }

    static void billing(String siren, String event) {
        TopicProbe.send(BILLING, siren, event);
    }

    /** The CloudEvent id of an event built here. */
    static String id(String event) {
        int at = event.indexOf("\"id\":\"") + 6;
        return event.substring(at, event.indexOf('"', at));
    }

    /** A project of this school year validated in that circonscription (a JSON string, escaped here), then deployed. */
    static UUID deployedClass(String uai, String circonscription, int students, String... resources) {
        UUID project = UUID.randomUUID();
        String json = circonscription.replace("\\", "\\\\").replace("\"", "\\\"");
        project(project, projectValidated(project, uai, "prof." + letters(), currentYear(), students, resources)
                .replace("\"circonscriptionCode\":\"0801\"", "\"circonscriptionCode\":\"" + json + "\""));
        awaitStatus(project, "DEPLOYED");
        return project;
    }

    /** {@code count} of the class's accounts activated with the codes of its login sheet (teacher first). */
    static void activate(UUID project, int count) {
        List<Map.Entry<String, String>> codes = List.copyOf(Platform.loginSheet(project, Tokens.operator()).entrySet());
        for (Map.Entry<String, String> login : codes.subList(0, count)) {
            Platform.activate(login.getKey(), login.getValue()).then().statusCode(200);
        }
    }
}
