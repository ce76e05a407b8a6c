package fr.somme.ent.projects.domain;

/** Through which channel a transition came: REST, or the DSDEN's decisions topic with the event id. */
public record Channel(String name, String eventId) {

    public static final String REST = "REST";
    public static final String DSDEN_DECISIONS = "dsden.decisions.v1";

    public static Channel rest() {
        return new Channel(REST, null);
    }

    /** The DSDEN posts, through REST, a decision its IEN took: the DSDEN agent is named in the channel. */
    public static Channel restForDsden(String dsdenAgent) {
        return new Channel(REST + " (dsden: " + dsdenAgent + ")", null);
    }

    public static Channel dsdenEvent(String eventId) {
        return new Channel(DSDEN_DECISIONS, eventId);
    }
}
