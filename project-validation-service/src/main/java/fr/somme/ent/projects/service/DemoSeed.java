package fr.somme.ent.projects.service;

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

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.projects.domain.School;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.CirconscriptionUpserted;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.Ien;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.SchoolUpserted;

/**
 * Demo reference data from the real Somme écoles and collèges (resources seed/somme, see SOURCES.md). The
 * circonscription is not in the public data: each school gets the demo circonscription of its commune's EPCI
 * (seed/somme/demo_circonscriptions.csv), a fixed assignment, so the seed is the same on every run.
 */
@ApplicationScoped
public class DemoSeed {

    private static final String DIR = "seed/somme/";

    private final ReferenceImport referenceImport;

    public DemoSeed(ReferenceImport referenceImport) {
        this.referenceImport = referenceImport;
    }

    public ReferenceImport.Imported load() {
        List<CirconscriptionUpserted> circonscriptions = new ArrayList<>();
        Map<String, String> circonscriptionOfEpci = new HashMap<>();
        for (String[] r : rows("demo_circonscriptions.csv", ",")) {
            circonscriptions.add(new CirconscriptionUpserted(r[0], r[1], new Ien(r[2], r[3])));
            for (String epci : r[4].trim().split(" ")) {
                circonscriptionOfEpci.put(epci, r[0]);
            }
        }
        Map<String, String> epciOfCommune = new HashMap<>();
        for (String[] r : rows("somme_communes.csv", ",")) {
            epciOfCommune.put(r[0], r[5]);
        }
        List<SchoolUpserted> schools = new ArrayList<>();
        // Rentrée scolaire;Académie;Code du département;Département;UAI;Nom;Code INSEE;Commune;Secteur;IPS
        for (String[] r : rows("somme_ecoles_ips_2021_2022.csv", ";")) {
            School.Level level = r[5].contains("ELEMENT") ? School.Level.ELEMENTAIRE : School.Level.PRIMAIRE;
            School.Sector sector = r[8].startsWith("public") ? School.Sector.PUBLIC : School.Sector.PRIVATE;
            schools.add(new SchoolUpserted(r[4], r[5], r[6], level, sector, circonscription(circonscriptionOfEpci, epciOfCommune, r[6])));
        }
        // numero_uai;appellation_officielle;...;secteur_public_prive_libe (4);...;code_commune (25)
        for (String[] r : rows("somme_colleges_geoloc.csv", ";")) {
            School.Sector sector = "Public".equals(r[4]) ? School.Sector.PUBLIC : School.Sector.PRIVATE;
            schools.add(new SchoolUpserted(r[0], r[1], r[25], School.Level.COLLEGE, sector,
                    circonscription(circonscriptionOfEpci, epciOfCommune, r[25])));
        }
        return referenceImport.importAll(circonscriptions, schools);
    }

    private static String circonscription(Map<String, String> ofEpci, Map<String, String> epciOfCommune, String insee) {
        String code = ofEpci.get(epciOfCommune.get(insee));
        if (code == null) {
            throw new IllegalStateException("demo seed: commune " + insee + " has no EPCI with a demo circonscription");
        }
        return code;
    }

    /** The data rows of a seed file (header skipped). The files have no quoted separators in the columns read here. */
    private static List<String[]> rows(String file, String separator) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IllegalStateException("demo seed file missing: " + DIR + file);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(separator, -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
