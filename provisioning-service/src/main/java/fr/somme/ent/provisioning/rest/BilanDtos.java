package fr.somme.ent.provisioning.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import fr.somme.ent.provisioning.domain.Bilan;
import fr.somme.ent.provisioning.domain.BilanFigures;
import fr.somme.ent.provisioning.domain.Money;

/**
 * The JSON of a bilan (art. 5). Euros are strings with two decimals ("1250.00"); the activation rate is a string
 * with one decimal, in percent ("66.7"), or null when no account was created; licences are quantities per resource.
 */
final class BilanDtos {

    private BilanDtos() {
    }

    public record BilanView(String schoolYear, List<MemberLine> byMember, List<CirconscriptionLine> byCirconscription,
            TotalsLine totals) {

        static BilanView of(Bilan b) {
            return new BilanView(b.schoolYear(),
                    b.byMember().entrySet().stream().map(e -> MemberLine.of(e.getKey(), e.getValue())).toList(),
                    b.byCirconscription().entrySet().stream().map(e -> CirconscriptionLine.of(e.getKey(), e.getValue())).toList(),
                    TotalsLine.of(b.totals()));
        }
    }

    public record MemberLine(String memberId, long classesDeployed, long classesClosed, long accountsCreated,
            long accountsActivated, String activationRate, Map<String, Long> licences, String contributionsCalled,
            String contributionsPaid) {

        static MemberLine of(String memberId, BilanFigures f) {
            return new MemberLine(memberId, f.classesDeployed(), f.classesClosed(), f.accountsCreated(), f.accountsActivated(),
                    rate(f), f.licences(), Money.text(f.contributionsCalled()), Money.text(f.contributionsPaid()));
        }
    }

    public record CirconscriptionLine(String circonscriptionCode, long classesDeployed, long classesClosed,
            long accountsCreated, long accountsActivated, String activationRate, Map<String, Long> licences) {

        static CirconscriptionLine of(String code, BilanFigures f) {
            return new CirconscriptionLine(code, f.classesDeployed(), f.classesClosed(), f.accountsCreated(),
                    f.accountsActivated(), rate(f), f.licences());
        }
    }

    public record TotalsLine(long classesDeployed, long classesClosed, long accountsCreated, long accountsActivated,
            String activationRate, Map<String, Long> licences, String contributionsCalled, String contributionsPaid) {

        static TotalsLine of(BilanFigures f) {
            return new TotalsLine(f.classesDeployed(), f.classesClosed(), f.accountsCreated(), f.accountsActivated(), rate(f),
                    f.licences(), Money.text(f.contributionsCalled()), Money.text(f.contributionsPaid()));
        }
    }

    static String rate(BilanFigures f) {
        return f.activationRate().map(BigDecimal::toPlainString).orElse(null);
    }
}
