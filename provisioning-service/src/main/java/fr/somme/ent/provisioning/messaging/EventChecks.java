package fr.somme.ent.provisioning.messaging;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import fr.somme.ent.commons.events.MalformedEventException;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Siren;
import fr.somme.ent.commons.ids.Uai;

/** Checks an event's data beyond its JSON shape: a record that fails goes to the DLQ with the reason. */
@ApplicationScoped
public class EventChecks {

    private final Validator validator;

    public EventChecks(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T data) {
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("invalid data: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
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
