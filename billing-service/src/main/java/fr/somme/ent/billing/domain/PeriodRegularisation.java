package fr.somme.ent.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import fr.somme.ent.billing.domain.DraftReconciliation.Computed;
import fr.somme.ent.billing.domain.DraftReconciliation.Update;
import fr.somme.ent.commons.rules.Rejection;

/**
 * Rule 18, the period invariant (art. 4.4): after a change that reaches a called period (a late access event, a corrected
 * count, a late collège usage), finance regularises the period in one command with one reason. Each issued or paid call
 * whose amount the figures now change is cancelled by a credit note and, when the figures still give its member an
 * amount, re-issued with the new figures under a new number (the new call names the one it replaces); a member the
 * figures now call for the first time gets an issued call; every other issued call stays untouched. Drafts take the new
 * figures. Afterwards the live calls of the period are exactly the calls the figures give.
 */
public final class PeriodRegularisation {

    /** An issued or paid call to cancel, and the figures of its successor (null: its member no longer owes anything). */
    public record Replacement(ContributionCall call, Computed successor) {
    }

    /** What the regularisation does; nothing at all when {@link #changesNothing()}. */
    public record Plan(List<Replacement> replaced, List<Computed> added, List<Update> draftsUpdated,
            List<ContributionCall> draftsRemoved, List<ContributionCall> untouched) {

        public boolean changesNothing() {
            return replaced.isEmpty() && added.isEmpty() && draftsUpdated.isEmpty() && draftsRemoved.isEmpty();
        }
    }

    /** The numbers of the year's gapless sequences, handed out one by one. */
    public interface Numbers {
        String nextCall();

        String nextCreditNote();
    }

    /** One cancelled call and its successor (null when the member owes nothing any more). */
    public record Replaced(ContributionCall cancelled, ContributionCallCancelled cancellation, ContributionCall successor,
            ContributionCallIssued issue) {
    }

    /** One call issued to a member that had no live call. */
    public record Added(ContributionCall call, ContributionCallIssued issue) {
    }

    public record Outcome(List<Replaced> replaced, List<Added> added) {
    }

    private PeriodRegularisation() {
    }

    /** A regularisation needs a reason, like every credit note it makes. */
    public static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalidInput("reason-required", "a regularisation states why the period is corrected");
        }
    }

    /** A period is regularised once it has been called (a call issued); before, it is simply computed again. */
    public static void requireCalled(List<ContributionCall> existing, String schoolYear) {
        if (existing.stream().allMatch(c -> c.status() == CallStatus.DRAFT)) {
            throw Rejection.conflict("period-not-called", "school year " + schoolYear
                    + " has no issued call: compute it again instead of regularising it");
        }
    }

    public static Plan plan(List<ContributionCall> existing, List<Computed> computed) {
        Map<String, ContributionCall> live = new LinkedHashMap<>();
        existing.stream().filter(c -> c.status().isLive())
                .sorted(Comparator.comparing(ContributionCall::memberId).thenComparing(ContributionCall::kind))
                .forEach(c -> live.put(Computed.key(c.memberId(), c.kind()), c));
        Plan plan = new Plan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Computed c : computed) {
            ContributionCall call = live.remove(c.key());
            if (call == null) {
                plan.added().add(c);
            } else if (call.status() == CallStatus.DRAFT) {
                if (call.amountCents() == c.call().amountCents() && c.derivation().equals(call.derivation())) {
                    plan.untouched().add(call);
                } else {
                    plan.draftsUpdated().add(new Update(call, c));
                }
            } else if (call.amountCents() == c.call().amountCents()) {
                plan.untouched().add(call);
            } else {
                plan.replaced().add(new Replacement(call, c));
            }
        }
        for (ContributionCall left : live.values()) {
            if (left.status() == CallStatus.DRAFT) {
                plan.draftsRemoved().add(left);
            } else {
                plan.replaced().add(new Replacement(left, null));
            }
        }
        return plan;
    }

    /**
     * Carries out the issued part of the plan: every credit note first ({@code afterCancellations} runs then, so that
     * storage sees the old calls cancelled before their successors exist), then the successors and the added calls,
     * issued in the plan's order (SIREN order). Drafts are left to the caller.
     */
    public static Outcome issue(Plan plan, String reason, LocalDate today, Instant at, Numbers numbers,
            Supplier<UUID> ids, Runnable afterCancellations) {
        List<ContributionCallCancelled> cancellations = new ArrayList<>();
        for (Replacement r : plan.replaced()) {
            cancellations.add(r.call().cancel(numbers.nextCreditNote(), reason, today, at));
        }
        afterCancellations.run();
        List<Replaced> replaced = new ArrayList<>();
        for (int i = 0; i < plan.replaced().size(); i++) {
            Replacement r = plan.replaced().get(i);
            ContributionCall successor = null;
            ContributionCallIssued issue = null;
            if (r.successor() != null) {
                successor = ContributionCall.replacing(r.call(), ids.get(), r.successor().call().amountCents(),
                        r.successor().derivation(), at);
                issue = successor.issue(numbers.nextCall(), today, at);
            }
            replaced.add(new Replaced(r.call(), cancellations.get(i), successor, issue));
        }
        List<Added> added = new ArrayList<>();
        for (Computed c : plan.added()) {
            ContributionCall call = ContributionCall.draft(ids.get(), c.call().memberId(), c.call().schoolYear(),
                    c.call().kind(), c.call().amountCents(), c.derivation(), at);
            added.add(new Added(call, call.issue(numbers.nextCall(), today, at)));
        }
        return new Outcome(replaced, added);
    }
}
