package fr.somme.ent.membership.domain;

import java.util.EnumSet;
import java.util.Set;

import fr.somme.ent.commons.security.Role;

/**
 * Privacy (issue #14, point 4): the people who acted for a member or for the syndicat (the {@code actor} of an adhesion's
 * history, who designated, registered, updated or recorded) are named only to the syndicat's staff, the DSDEN and the
 * member's own agents. A partner (role {@code partner}) reads the facts, never these names.
 */
public final class AgentNames {

    private static final Set<Role> NAMES_SHOWN_TO = EnumSet.of(Role.OPERATOR, Role.MEMBER_AGENT, Role.FINANCE, Role.DSDEN);

    private AgentNames() {
    }

    /** True when the caller holding these roles may read agents' names: a partner alone never does. */
    public static boolean partnersNeverReadAgentNames(Set<Role> callerRoles) {
        return callerRoles.stream().anyMatch(NAMES_SHOWN_TO::contains);
    }

    /** The name as the caller reads it: itself, or null when withheld. */
    public static String asRead(String name, boolean namesShown) {
        return namesShown ? name : null;
    }
}
