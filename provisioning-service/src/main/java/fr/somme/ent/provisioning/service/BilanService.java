package fr.somme.ent.provisioning.service;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Role;
import fr.somme.ent.provisioning.domain.Bilan;
import fr.somme.ent.provisioning.repository.BilanRepository;

/**
 * The bilans of a school year (art. 5). The operator and the DSDEN see every member and circonscription; a member
 * agent sees its own member's lines only (the circonscription lines then count only its classes); anyone else: 403.
 */
@ApplicationScoped
public class BilanService {

    private final BilanRepository bilans;

    public BilanService(BilanRepository bilans) {
        this.bilans = bilans;
    }

    public Bilan bilan(SchoolYear year, CallerScope caller) {
        String member = memberInScope(caller);
        String y = year.name();
        return Bilan.of(y, bilans.classCounts(y, member), bilans.licenceCounts(y, member), bilans.contributions(y, member));
    }

    /** Null: every member; otherwise the only member whose lines the caller may see. */
    static String memberInScope(CallerScope caller) {
        if (caller.hasAnyRole(Role.OPERATOR, Role.DSDEN)) {
            return null;
        }
        if (caller.hasRole(Role.MEMBER_AGENT)) {
            return caller.memberId()
                    .orElseThrow(() -> ProblemException.forbidden("a member agent's token must name its member (member_id)"));
        }
        throw ProblemException.forbidden("the bilans are for the operator, the DSDEN and the members' agents");
    }
}
