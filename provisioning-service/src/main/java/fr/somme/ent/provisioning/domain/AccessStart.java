package fr.somme.ent.provisioning.domain;

import java.time.LocalDate;

import fr.somme.ent.commons.ids.SchoolYear;

/** Rule 11 (art. 4.1): the date a class gets effective access. */
public final class AccessStart {

    private AccessStart() {
    }

    /** Rule 11 (art. 4.1): access starts on the deployment day, or on the first day of the school year if later. */
    public static LocalDate accessStartsOnDeploymentOrOnTheFirstDayOfTheSchoolYear(LocalDate deployedOn, SchoolYear year) {
        return deployedOn.isBefore(year.firstDay()) ? year.firstDay() : deployedOn;
    }
}
