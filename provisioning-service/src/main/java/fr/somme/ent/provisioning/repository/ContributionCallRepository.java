package fr.somme.ent.provisioning.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The contribution calls of billing-service as its events describe them ({@code rm_contribution_call}). Each event
 * is an upsert by call id that sets only what it knows, so a call's events may be applied in any order and a
 * repeated event changes nothing.
 */
@ApplicationScoped
public class ContributionCallRepository {

    /** What contribution-call-issued and contribution-call-paid both say of a call. */
    public record Call(UUID callId, String memberId, String number, String schoolYear, String kind, BigDecimal amount) {
    }

    private final Jdbc jdbc;

    public ContributionCallRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void issued(Call call, LocalDate issuedOn) {
        jdbc.update("INSERT INTO rm_contribution_call (call_id, member_id, number, school_year, kind, amount, issued_on) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO UPDATE SET member_id = EXCLUDED.member_id, "
                + "number = EXCLUDED.number, school_year = EXCLUDED.school_year, kind = EXCLUDED.kind, "
                + "amount = EXCLUDED.amount, issued_on = EXCLUDED.issued_on",
                call.callId(), call.memberId(), call.number(), call.schoolYear(), call.kind(), call.amount(), issuedOn);
    }

    public void paid(Call call, LocalDate paidOn) {
        jdbc.update("INSERT INTO rm_contribution_call (call_id, member_id, number, school_year, kind, amount, paid_on) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO UPDATE SET paid_on = EXCLUDED.paid_on, "
                + "number = coalesce(rm_contribution_call.number, EXCLUDED.number), "
                + "school_year = coalesce(rm_contribution_call.school_year, EXCLUDED.school_year), "
                + "kind = coalesce(rm_contribution_call.kind, EXCLUDED.kind), "
                + "amount = coalesce(rm_contribution_call.amount, EXCLUDED.amount)",
                call.callId(), call.memberId(), call.number(), call.schoolYear(), call.kind(), call.amount(), paidOn);
    }

    /** A cancellation names no school year: it is joined to its call by id. */
    public void cancelled(UUID callId, String memberId, LocalDate cancelledOn) {
        jdbc.update("INSERT INTO rm_contribution_call (call_id, member_id, cancelled_on) VALUES (?, ?, ?) "
                + "ON CONFLICT (call_id) DO UPDATE SET cancelled_on = EXCLUDED.cancelled_on", callId, memberId, cancelledOn);
    }
}
