package fr.somme.ent.billing.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.BeneficiaryStudents;
import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.billing.domain.MemberYear;
import fr.somme.ent.billing.domain.Membership;
import fr.somme.ent.billing.domain.PeriodFigures;
import fr.somme.ent.billing.domain.PeriodFigures.CollegeUsage;
import fr.somme.ent.billing.repository.BeneficiaryRepository;
import fr.somme.ent.billing.repository.BudgetRepository;
import fr.somme.ent.billing.repository.EcoleFiguresRepository;
import fr.somme.ent.billing.repository.MembershipRepository;
import fr.somme.ent.billing.repository.PriceListRepository;
import fr.somme.ent.commons.ids.SchoolYear;

/** Reads the figures a school year's calls are computed from: budget, beneficiaries, collèges' usage, price list. */
@ApplicationScoped
public class PeriodFiguresReader {

    private final BudgetRepository budget;
    private final BeneficiaryRepository beneficiaries;
    private final PriceListRepository prices;
    private final MembershipRepository memberships;
    private final EcoleFiguresRepository ecoles;

    public PeriodFiguresReader(BudgetRepository budget, BeneficiaryRepository beneficiaries, PriceListRepository prices,
            MembershipRepository memberships, EcoleFiguresRepository ecoles) {
        this.budget = budget;
        this.beneficiaries = beneficiaries;
        this.prices = prices;
        this.memberships = memberships;
        this.ecoles = ecoles;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PeriodFigures read(SchoolYear year) {
        return read(year, true);
    }

    /**
     * @param eachClass false: the figures for the amounts only (a simulation without derivations): each member's classes
     *                  that share their access dates are read as one, their students summed
     *                  ({@link EcoleFiguresRepository#ecoleClassesByAccessDates}); the amounts, the terms and the
     *                  liability are the same, but the classes are not listed one by one, so no derivation may be shown
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PeriodFigures read(SchoolYear year, boolean eachClass) {
        return new PeriodFigures(year, budget.paidExpensesCents(year.name()), budget.federCents(year.name()),
                ecoleMembers(year, eachClass), colleges(year), prices.priceList(year.name()));
    }

    /** Every member with an école access recorded, its memberships and beneficiary students of the year (art. 4.1). */
    private List<MemberYear> ecoleMembers(SchoolYear year, boolean eachClass) {
        Map<String, List<ClassAccess>> classes = eachClass ? ecoles.ecoleClasses(year.name())
                : ecoles.ecoleClassesByAccessDates(year.name());
        Map<String, Membership> known = memberships.memberships();
        return ecoles.ecoleMembers().stream().map(m -> {
            List<ClassAccess> cs = classes.getOrDefault(m.memberId(), List.of());
            return new MemberYear(m.memberId(), m.name(), m.firstAccessStart(),
                    known.getOrDefault(m.memberId(), Membership.AS_FAR_AS_KNOWN),
                    BeneficiaryStudents.studentsOfClassesWithEffectiveAccessDuringTheYear(cs, year), cs);
        }).toList();
    }

    private List<CollegeUsage> colleges(SchoolYear year) {
        return beneficiaries.collegeMembers(year.name()).stream().map(memberId -> new CollegeUsage(memberId,
                beneficiaries.collegeUsage(memberId, year.name()), beneficiaries.optedOut(memberId, year.startYear())))
                .toList();
    }
}
