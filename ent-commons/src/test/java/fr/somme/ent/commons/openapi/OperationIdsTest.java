package fr.somme.ent.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void anOperationIdIsTheMethodThenTheResourceInCamelCase() {
        assertEquals("listMember", OperationIds.of("MemberResource", "list"));
        assertEquals("signAdhesion", OperationIds.of("AdhesionResource", "sign"));
        assertEquals("listOutboxOps", OperationIds.of("OutboxOpsResource", "list"));
    }

    @Test
    void aResourceNamedAfterItsVerbIsNotRepeated() {
        assertEquals("replayDlq", OperationIds.of("DlqReplayResource", "replay"));
        assertEquals("importSommeReference", OperationIds.of("ReferenceResource", "importSomme"));
        assertEquals("currentDesignation", OperationIds.of("DesignationResource", "currentDesignation"));
    }
}
