package fr.somme.ent.billing.rest;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.problem.ProblemException;

final class Years {

    private Years() {
    }

    static SchoolYear parse(String name) {
        if (name == null || !SchoolYear.isValid(name)) {
            throw ProblemException.badRequest("invalid-school-year", "a school year is written 2025-2026: " + name);
        }
        return SchoolYear.parse(name);
    }
}
