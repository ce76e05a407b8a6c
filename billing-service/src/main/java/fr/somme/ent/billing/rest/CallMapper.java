package fr.somme.ent.billing.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.billing.domain.ContributionCall;
import fr.somme.ent.billing.domain.Money;
import fr.somme.ent.billing.domain.PeriodFigures;
import fr.somme.ent.billing.rest.CallDtos.AuditView;
import fr.somme.ent.billing.rest.CallDtos.CallView;
import fr.somme.ent.billing.rest.CallDtos.ComputationView;
import fr.somme.ent.billing.rest.CallDtos.ComputedCallView;
import fr.somme.ent.billing.service.CallQueries.CallDetails;
import fr.somme.ent.billing.service.ComputePeriod;

/** Calls and computations as the API shows them. */
@ApplicationScoped
public class CallMapper {

    private final ObjectMapper json;

    public CallMapper(ObjectMapper json) {
        this.json = json;
    }

    public CallView view(CallDetails d) {
        ContributionCall c = d.call();
        List<AuditView> audit = d.audit().stream()
                .map(a -> new AuditView(a.action(), a.actor(), a.at(), a.reason(), a.detail())).toList();
        return new CallView(c.id(), c.memberId(), d.memberName(), c.schoolYear(), c.kind(), c.status(),
                c.formattedAmount(), c.number(), c.issuedOn(), c.paidOn(), c.creditNoteNumber(), c.cancelledOn(),
                c.cancelReason(), c.replacesCallId(), derivation(c), audit);
    }

    public List<CallView> views(List<CallDetails> calls) {
        return calls.stream().map(this::view).toList();
    }

    public ComputationView computation(ComputePeriod.Result r) {
        return computation(r, true);
    }

    /**
     * @param withDerivations false leaves each computed call's derivation out (null): at national scale the derivations
     *                        list every class of every member (tens of MB), the amounts and the three terms stay
     */
    public ComputationView computation(ComputePeriod.Result r, boolean withDerivations) {
        PeriodFigures f = r.figures();
        List<ComputedCallView> computed = r.computed().stream().map(c -> new ComputedCallView(c.memberId(),
                c.schoolYear(), c.kind(), Money.format(c.amountCents()), withDerivations ? c.derivation() : null)).toList();
        return new ComputationView(f.year().name(), r.simulation(), Money.format(f.paidExpensesCents()),
                Money.format(f.federCents()), Money.format(f.netChargesCents()),
                Money.format(r.computation().collegesInvoicedCents()), Money.format(r.computation().ecolesPoolCents()),
                r.computation().totalStudents(), computed, r.draftsCreated(), r.draftsUpdated(),
                r.draftsUnchanged(), r.draftsRemoved(), r.issuedCallsThatNoLongerMatch(),
                !r.issuedCallsThatNoLongerMatch().isEmpty(), r.computation().warnings());
    }

    private JsonNode derivation(ContributionCall c) {
        try {
            return json.readTree(c.derivation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored derivation of call " + c.id() + " is not JSON", e);
        }
    }
}
