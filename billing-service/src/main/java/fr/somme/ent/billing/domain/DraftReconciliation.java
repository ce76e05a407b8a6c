package fr.somme.ent.billing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Art. 4.4, rule 18: what a (re)computation does to the live calls of a school year, decided without touching
 * storage from the calls that exist and the calls the figures now give. Recomputing with the same figures changes
 * nothing (same drafts, same ids); an issued or paid call is never touched, only reported when the figures now differ;
 * a draft whose member is no longer liable is removed; a member whose call was cancelled at unchanged figures gets a new
 * draft. Once the period is called, nothing else is drafted: what changed is listed, for the regularisation.
 */
public final class DraftReconciliation {

    /** A computed call with its derivation as the JSON text it is stored as. */
    public record Computed(ComputedCall call, String derivation) {
        String key() {
            return key(call.memberId(), call.kind());
        }

        static String key(String memberId, CallKind kind) {
            return memberId + "/" + kind;
        }
    }

    /** A draft that takes new figures. */
    public record Update(ContributionCall draft, Computed figures) {
    }

    /** What to do: create, update, leave, remove; and the issued calls the figures no longer match. */
    public record Plan(List<Computed> created, List<Update> updated, List<ContributionCall> unchanged,
            List<ContributionCall> removed, List<String> issuedCallsThatNoLongerMatch) {
    }

    private DraftReconciliation() {
    }

    /**
     * @param existing the calls of the school year (cancelled ones no longer count, but tell which member had a call)
     * @param computed the calls the figures give, at most one per member and kind
     */
    public static Plan reconcile(List<ContributionCall> existing, List<Computed> computed) {
        boolean called = existing.stream().anyMatch(c -> c.status() != CallStatus.DRAFT);
        Map<String, ContributionCall> live = new LinkedHashMap<>();
        existing.stream().filter(c -> c.status().isLive())
                .sorted(Comparator.comparing(ContributionCall::memberId).thenComparing(ContributionCall::kind))
                .forEach(c -> live.put(Computed.key(c.memberId(), c.kind()), c));
        Plan plan = new Plan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Computed> newCalls = new ArrayList<>();
        for (Computed c : computed) {
            ContributionCall call = live.remove(c.key());
            if (call == null) {
                newCalls.add(c);
            } else if (call.status() != CallStatus.DRAFT) {
                if (call.amountCents() != c.call().amountCents()) {
                    plan.issuedCallsThatNoLongerMatch().add(call.id() + " (" + call.memberId() + "): issued "
                            + call.formattedAmount() + ", figures now give " + Money.format(c.call().amountCents()));
                }
            } else if (call.amountCents() == c.call().amountCents() && c.derivation().equals(call.derivation())) {
                plan.unchanged().add(call);
            } else {
                plan.updated().add(new Update(call, c));
            }
        }
        for (ContributionCall left : live.values()) {
            if (left.status() == CallStatus.DRAFT) {
                plan.removed().add(left);
            } else {
                plan.issuedCallsThatNoLongerMatch().add(left.id() + " (" + left.memberId() + "): issued "
                        + left.formattedAmount() + ", figures now give 0.00");
            }
        }
        create(plan, newCalls, called, existing);
        return plan;
    }

    /**
     * Rule 18, the period invariant: once a period is called, a new draft only corrects a call cancelled by a credit
     * note at the same figures (its member gets the same amount again), and only while every issued call still matches
     * the figures; any other new call (a member that became liable late, a cancelled call whose figures changed) is
     * listed, never drafted: it goes through the regularisation.
     */
    private static void create(Plan plan, List<Computed> newCalls, boolean called, List<ContributionCall> existing) {
        // a call of the same member and kind that is left can only be cancelled (a live one would have been matched)
        boolean matching = plan.issuedCallsThatNoLongerMatch().isEmpty() && newCalls.stream().allMatch(c -> existing.stream()
                .anyMatch(e -> Computed.key(e.memberId(), e.kind()).equals(c.key()) && e.amountCents() == c.call().amountCents()));
        for (Computed c : newCalls) {
            if (!called || matching) {
                plan.created().add(c);
            } else {
                plan.issuedCallsThatNoLongerMatch().add(c.call().memberId() + " (" + c.call().kind() + "): not called, "
                        + "figures now give " + Money.format(c.call().amountCents()));
            }
        }
    }
}
