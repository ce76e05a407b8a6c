package fr.somme.ent.membership.service;

import jakarta.enterprise.context.RequestScoped;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Role;
import fr.somme.ent.membership.domain.AgentNames;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.repository.MemberRepository;

/**
 * Scoping in the service: a member agent sees and acts only for its own member (claim {@code member_id});
 * any other member answers 404 so that existence does not leak. Other roles are limited by {@code @RolesAllowed}.
 */
@RequestScoped
public class MemberAccess {

    private final CallerScope caller;
    private final MemberRepository members;

    public MemberAccess(CallerScope caller, MemberRepository members) {
        this.caller = caller;
        this.members = members;
    }

    /** True when the caller sees only one member. */
    public boolean restrictedToOwnMember() {
        return caller.hasRole(Role.MEMBER_AGENT) && !caller.hasAnyRole(Role.OPERATOR, Role.FINANCE, Role.DSDEN, Role.PARTNER);
    }

    /** The member the caller is restricted to, or null when it sees every member. */
    public String onlyMemberOrNull() {
        return restrictedToOwnMember() ? ownMemberId() : null;
    }

    /** The member if the caller may see it, else 404. */
    public Member visibleMember(String memberId) {
        if (restrictedToOwnMember() && !ownMemberId().equals(memberId)) {
            throw ProblemException.notFound("member", memberId);
        }
        return existing(memberId);
    }

    /** The member if the caller may act for it: an operator for any, a member agent for its own (else 404). */
    public Member actableMember(String memberId) {
        if (!caller.hasRole(Role.OPERATOR) && !(caller.hasRole(Role.MEMBER_AGENT) && ownMemberId().equals(memberId))) {
            throw ProblemException.notFound("member", memberId);
        }
        return existing(memberId);
    }

    /** False for a partner: agents' names are withheld from what it reads ({@link AgentNames}). */
    public boolean seesAgentNames() {
        return AgentNames.partnersNeverReadAgentNames(caller.roles());
    }

    public String actor() {
        return caller.actor();
    }

    private String ownMemberId() {
        return caller.memberId().orElse("");
    }

    private Member existing(String memberId) {
        return members.findByIdOptional(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
    }
}
