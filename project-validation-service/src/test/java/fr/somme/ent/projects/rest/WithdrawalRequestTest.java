package fr.somme.ent.projects.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.projects.rest.ProjectDtos.WithdrawalRequest;

/** The optional body of a withdrawal: none, {"reason": "..."}, or refused as malformed — never a failure of ours. */
class WithdrawalRequestTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void noBodyAnEmptyOneOrTheJsonNullLiteralIsAWithdrawalWithoutReason() {
        assertNull(WithdrawalRequest.parse(mapper, null).reason());
        assertNull(WithdrawalRequest.parse(mapper, "  ").reason());
        assertNull(WithdrawalRequest.parse(mapper, "null").reason());
    }

    @Test
    void aReasonIsKeptAndAnythingElseIsAMalformedBody() {
        assertEquals("classe fermée", WithdrawalRequest.parse(mapper, "{\"reason\": \"classe fermée\"}").reason());
        Rejection wrongType = assertThrows(Rejection.class, () -> WithdrawalRequest.parse(mapper, "[1]"));
        assertEquals("malformed-body", wrongType.slug());
        Rejection tooLong = assertThrows(Rejection.class,
                () -> WithdrawalRequest.parse(mapper, "{\"reason\": \"" + "x".repeat(2001) + "\"}"));
        assertEquals("validation", tooLong.slug());
    }
}
