package fr.somme.ent.provisioning.messaging;

import fr.somme.ent.commons.events.MalformedEventException;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Siren;
import fr.somme.ent.commons.ids.Uai;

/** Checks of an event's identifiers beyond its shape (Bean Validation is ent-commons' Inbox): a record that fails goes to the DLQ with the reason. */
public final class EventChecks {

    private EventChecks() {
    }

    public static void siren(String value) {
        if (!Siren.isValid(value)) {
            throw new MalformedEventException("memberId '" + value + "' is not a valid SIREN");
        }
    }

    public static void uai(String value) {
        if (!Uai.isValid(value)) {
            throw new MalformedEventException("'" + value + "' is not a valid UAI");
        }
    }

    public static void schoolYear(String value) {
        if (!SchoolYear.isValid(value)) {
            throw new MalformedEventException("'" + value + "' is not a school year");
        }
    }
}
