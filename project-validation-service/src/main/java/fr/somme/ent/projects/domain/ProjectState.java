package fr.somme.ent.projects.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a pedagogical ENT project (art. 2): draft → submitted → validated | rejected | changes requested;
 * a rejected project or one with changes requested can be revised and submitted again; a project is withdrawn by
 * its teacher until its class is deployed (a validated project too, while provisioning has not deployed its class).
 */
public enum ProjectState {
    DRAFT, SUBMITTED, VALIDATED, REJECTED, CHANGES_REQUESTED, WITHDRAWN;

    /** States in which the teacher may still edit the project. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED || this == CHANGES_REQUESTED;
    }

    public Set<ProjectState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(VALIDATED, REJECTED, CHANGES_REQUESTED, WITHDRAWN);
            case REJECTED, CHANGES_REQUESTED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case VALIDATED -> EnumSet.of(WITHDRAWN); // only until its class is deployed (ProjectRules)
            case WITHDRAWN -> EnumSet.noneOf(ProjectState.class);
        };
    }

    public boolean canMoveTo(ProjectState target) {
        return next().contains(target);
    }
}
