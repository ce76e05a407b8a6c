package fr.somme.ent.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.security.Role;

class AgentNamesTest {

    @Test
    void partnersNeverReadAgentNames() {
        assertFalse(AgentNames.partnersNeverReadAgentNames(Set.of(Role.PARTNER)));
        assertFalse(AgentNames.partnersNeverReadAgentNames(Set.of()));
        assertFalse(AgentNames.partnersNeverReadAgentNames(EnumSet.of(Role.PARTNER, Role.TEACHER, Role.IEN)));
        for (Role staff : EnumSet.of(Role.OPERATOR, Role.MEMBER_AGENT, Role.FINANCE, Role.DSDEN)) {
            assertTrue(AgentNames.partnersNeverReadAgentNames(Set.of(staff)), staff.name());
            assertTrue(AgentNames.partnersNeverReadAgentNames(EnumSet.of(Role.PARTNER, staff)), "partner and " + staff);
        }
    }

    @Test
    void aWithheldNameIsReadAsNull() {
        assertEquals("agent-amiens", AgentNames.asRead("agent-amiens", true));
        assertNull(AgentNames.asRead("agent-amiens", false));
    }
}
