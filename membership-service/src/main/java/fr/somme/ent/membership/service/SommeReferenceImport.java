package fr.somme.ent.membership.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.membership.config.MembershipConfig;
import fr.somme.ent.membership.domain.MemberKind;
import fr.somme.ent.membership.service.MemberService.MemberFacts;
import fr.somme.ent.membership.service.MemberService.Outcome;

/**
 * Bootstraps the Somme's real communes and EPCI (classpath {@code reference/somme/}, see its SOURCES.md) and the
 * Département as members, and its écoles and collèges into the school reference. Idempotent: a second run changes
 * nothing and publishes nothing.
 * School competence (art. 3), per the DSDEN of the Somme: the configured EPCI hold it, their communes do not;
 * elsewhere the communes hold it and the EPCI do not.
 */
@ApplicationScoped
@RefusesConcurrentUpdates
public class SommeReferenceImport {

    /** Members counted by kind and outcome; {@code schools}: the écoles and collèges of the open data (school reference). */
    public record Report(int communes, int epci, int departement, int created, int updated, int unchanged, int schools) {
    }

    private final MemberService members;
    private final MembershipConfig config;
    private final SchoolReferenceService schools;

    public SommeReferenceImport(MemberService members, MembershipConfig config, SchoolReferenceService schools) {
        this.members = members;
        this.config = config;
        this.schools = schools;
    }

    @Transactional
    public Report run(String actor) {
        Set<String> competentEpci = Set.copyOf(config.reference().schoolCompetentEpci());
        String dep = config.reference().departement();
        Map<Outcome, Integer> outcomes = new HashMap<>();
        List<Map<String, String>> epci = read("reference/somme/somme_epci.csv");
        for (Map<String, String> row : epci) {
            String siren = row.get("epci_siren");
            Outcome o = members.upsert(new MemberFacts(siren, MemberKind.EPCI, row.get("epci_nom"), null, null, dep,
                    competentEpci.contains(siren)), actor);
            outcomes.merge(o, 1, Integer::sum);
        }
        List<Map<String, String>> communes = read("reference/somme/somme_communes.csv");
        for (Map<String, String> row : communes) {
            String epciSiren = row.get("epci_siren");
            Outcome o = members.upsert(new MemberFacts(row.get("siren"), MemberKind.COMMUNE, row.get("nom"),
                    row.get("code_insee"), epciSiren.isBlank() ? null : epciSiren, dep, !competentEpci.contains(epciSiren)), actor);
            outcomes.merge(o, 1, Integer::sum);
        }
        Outcome o = members.upsert(new MemberFacts(config.reference().departementSiren(), MemberKind.DEPARTEMENT,
                config.reference().departementName(), null, null, dep, true), actor);
        outcomes.merge(o, 1, Integer::sum);
        int schoolCount = schools.loadOpenData();
        return new Report(communes.size(), epci.size(), 1, outcomes.getOrDefault(Outcome.CREATED, 0),
                outcomes.getOrDefault(Outcome.UPDATED, 0), outcomes.getOrDefault(Outcome.UNCHANGED, 0), schoolCount);
    }

    private static List<Map<String, String>> read(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing reference file " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                // The files have no quoted fields (checked when copied); names contain no comma.
                String[] cells = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i].trim() : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
