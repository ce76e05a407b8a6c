package fr.somme.ent.membership.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The syndicat's settings: its perimeter and the reference facts of the Somme. */
@ConfigMapping(prefix = "ent.membership")
public interface MembershipConfig {

    /** Départements of the syndicat's perimeter of intervention (art. 3). */
    @WithDefault("80")
    List<String> perimeter();

    Reference reference();

    interface Reference {
        /** EPCI holding the school competence, per the DSDEN of the Somme: their communes do not hold it. */
        @WithDefault("200070993,200070936,200071181,200070928")
        List<String> schoolCompetentEpci();

        /** The Département de la Somme as a member (SIREN to be confirmed by the syndicat). */
        @WithDefault("228000014")
        String departementSiren();

        @WithDefault("Département de la Somme")
        String departementName();

        @WithDefault("80")
        String departement();
    }
}
