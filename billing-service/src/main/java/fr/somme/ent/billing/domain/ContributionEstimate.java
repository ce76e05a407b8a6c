package fr.somme.ent.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import fr.somme.ent.commons.ids.SchoolYear;

/**
 * What a prospective member would contribute (no anchor in the charter; no state change): with school year Y's figures,
 * a member with s students would have paid net_Y × s / (S_Y + s), S_Y the liable members' students of Y; alone, its
 * share is rounded half-up to the cent (inside a real allocation the largest remainder may move it by at most one cent).
 */
public record ContributionEstimate(SchoolYear year, long students, long netChargesCents, long liableStudents,
        BigDecimal exactShare, long contributionCents) {

    public static final String RULE = "net charges x students / (liable students + students), half-up to the cent (art. 4.1)";

    public static ContributionEstimate of(PeriodFigures figures, long students) {
        long net = figures.netChargesCents();
        long liableStudents = figures.liableMembers().stream().mapToLong(MemberYear::beneficiaryStudents).sum();
        long total = liableStudents + students;
        BigDecimal exact = total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(students))
                        .divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_EVEN).movePointLeft(2);
        long cents = total == 0 ? 0 : BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(students))
                .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP).longValueExact();
        return new ContributionEstimate(figures.year(), students, net, liableStudents,
                exact.setScale(6, RoundingMode.HALF_EVEN), cents);
    }
}
