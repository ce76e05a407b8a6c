package fr.somme.ent.provisioning.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.provisioning.domain.SchoolYearCalendar;

/** The roll-out window's opening, {@code ent.provisioning.rollout-opens} (month-day, default 07-01: 1 July). */
@ApplicationScoped
public class SchoolYearConfig {

    @Produces
    @Singleton
    SchoolYearCalendar schoolYearCalendar(@ConfigProperty(name = "ent.provisioning.rollout-opens") String opens) {
        return SchoolYearCalendar.opening(opens);
    }
}
