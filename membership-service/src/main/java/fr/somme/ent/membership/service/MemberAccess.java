package fr.somme.ent.membership.service;

import jakarta.enterprise.context.RequestScoped;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.membership.domain.Member;

/**
 * Scoping in the service: a member agent sees and acts only for its own member (claim {@code member_id});
 * any other member answers 404 so that existence does not leak. Other roles are limited by {@code @RolesAllowed}.
 */
@RequestScoped
public class MemberAccess {

    public static final String OPERATOR = "operator";
    public static final String MEMBER_AGENT = "member-agent";

    private final CallerScope caller;

    public MemberAccess(CallerScope caller) {
        this.caller = caller;
    }

    /** True when the caller sees only one member. */
    public boolean restrictedToOwnMember() {
        return caller.hasRole(MEMBER_AGENT) && !caller.hasRole(OPERATOR) && !caller.hasRole("finance")
                && !caller.hasRole("dsden") && !caller.hasRole("partner");
    }

    public String ownMemberId() {
        return caller.memberId().orElse("");
    }

    /** The member if the caller may see it, else 404. */
    public Member visibleMember(String memberId) {
        if (restrictedToOwnMember() && !ownMemberId().equals(memberId)) {
            throw ProblemException.notFound("member", memberId);
        }
        Member m = Member.findById(memberId);
        if (m == null) {
            throw ProblemException.notFound("member", memberId);
        }
        return m;
    }

    /** The member if the caller may act for it: an operator for any, a member agent for its own (else 404). */
    public Member actableMember(String memberId) {
        if (!caller.hasRole(OPERATOR) && !(caller.hasRole(MEMBER_AGENT) && ownMemberId().equals(memberId))) {
            throw ProblemException.notFound("member", memberId);
        }
        Member m = Member.findById(memberId);
        if (m == null) {
            throw ProblemException.notFound("member", memberId);
        }
        return m;
    }

    public String actor() {
        return caller.actor();
    }
}
