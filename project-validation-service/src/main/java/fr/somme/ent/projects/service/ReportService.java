package fr.somme.ent.projects.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.projects.domain.ProjectCount;
import fr.somme.ent.projects.domain.ValidatedClass;
import fr.somme.ent.projects.repository.ReportRepository;

/**
 * Figures for the Comité Départemental du Numérique (art. 5; rule 19): projects by school year, circonscription
 * and state, and the validated classes with their number of students. Read-only, straight from the tables.
 */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;

    public ReportService(ReportRepository reports) {
        this.reports = reports;
    }

    /** {@code schoolYear} null: every school year. */
    public List<ProjectCount> counts(String schoolYear) {
        return reports.counts(schoolYear);
    }

    /** A page of the counts (rows by school year, circonscription and state). */
    public PageOf<ProjectCount> counts(String schoolYear, int page, int size) {
        return reports.counts(schoolYear, page, size);
    }

    /** A page of the validated classes. */
    public PageOf<ValidatedClass> validatedClasses(String schoolYear, int page, int size) {
        return reports.validatedClasses(schoolYear, page, size);
    }

    /** {@code schoolYear} null: every school year. */
    public List<ValidatedClass> validatedClasses(String schoolYear) {
        return reports.validatedClasses(schoolYear);
    }
}
