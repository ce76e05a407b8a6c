package fr.somme.ent.membership.domain;

import static fr.somme.ent.membership.domain.Refusals.AT;
import static fr.somme.ent.membership.domain.Refusals.notSatisfied;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ComponentOptOutRules and the notice they shape (art. 4.3). */
class ComponentOptOutRulesTest {

    private static Member of(MemberKind kind) {
        Member m = new Member();
        m.id = "228000014";
        m.kind = kind;
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = MemberKind.class, names = "DEPARTEMENT", mode = EnumSource.Mode.EXCLUDE)
    void onlyTheDepartementOptsOutOfComponents(MemberKind kind) {
        ComponentOptOutRules.onlyTheDepartementOptsOutOfComponents(of(MemberKind.DEPARTEMENT));
        notSatisfied("opt-out-reserved-to-departement", () -> ComponentOptOutRules.onlyTheDepartementOptsOutOfComponents(of(kind)));
    }

    @Test
    void componentsAreAccountsOrResourceCodesTrimmedInUpperCaseOnceEach() {
        assertEquals(List.of("ACCOUNTS", "RES-DICO"),
                ComponentOptOutRules.componentsAreAccountsOrResourceCodes(List.of(" accounts ", "res-dico", "ACCOUNTS")));
        for (List<String> bad : List.of(List.<String>of(), Arrays.asList((String) null), List.of(" "), List.of("ACCOUNTS", ""),
                List.of("RES,DICO"))) {
            notSatisfied("invalid-component", () -> ComponentOptOutRules.componentsAreAccountsOrResourceCodes(bad));
        }
    }

    @Test
    void theNoticeAppliesFromTheSchoolYearAfterItsNotificationAndKeepsItsComponents() {
        ComponentOptOut o = ComponentOptOut.notified("228000014", List.of("ACCOUNTS", "RES-DICO"), LocalDate.of(2026, 8, 31), "op-1", AT);
        assertEquals("2026-2027", o.effectiveFromSchoolYear);
        assertEquals(List.of("ACCOUNTS", "RES-DICO"), o.componentList());
        assertEquals(List.of("228000014", "op-1", AT, LocalDate.of(2026, 8, 31)), List.of(o.memberId, o.recordedBy, o.recordedAt, o.notifiedOn));
        assertEquals("2027-2028", ComponentOptOut.notified("228000014", List.of("ACCOUNTS"), LocalDate.of(2026, 9, 1), "op-1", AT)
                .effectiveFromSchoolYear);
    }
}
