package fr.somme.ent.provisioning.config;

/**
 * The realm role of the ENT platform's client (client {@code ent-platform} of {@code deploy/keycloak/ent-realm.json},
 * its service account): SCIM and account activation are for it alone (issue #14); other partners, who hold only
 * {@code partner}, get 403. Not in ent-commons' {@code Role} (only this service uses it).
 */
public final class PlatformRole {

    public static final String ENT_PLATFORM = "ent-platform";

    private PlatformRole() {
    }
}
