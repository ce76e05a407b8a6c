package fr.somme.ent.projects.domain;

/** What an IEN decides on a submitted project. */
public enum Decision {
    VALIDATED, REJECTED, CHANGES_REQUESTED;

    public ProjectState resultingState() {
        return ProjectState.valueOf(name());
    }
}
