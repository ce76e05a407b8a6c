package fr.somme.ent.membership.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.somme.ent.membership.domain.School;

/**
 * The Somme's écoles and collèges from the public open data copied in {@code reference/somme/} (see SOURCES.md): the IPS
 * file of the écoles (rentrée 2021-2022) and the geolocated collèges (2024). The files name no detailed level: an école
 * whose name says MATERNELLE or ELEMENTAIRE has that level, any other is PRIMAIRE; a collège is open unless its state says
 * otherwise (all are OUVERT in the file).
 */
final class SommeOpenDataSchools {

    private static final String DIR = "reference/somme/";

    private SommeOpenDataSchools() {
    }

    static List<School> read() {
        List<School> schools = new ArrayList<>();
        // Rentrée scolaire;Académie;Code du département;Département;UAI;Nom;Code INSEE;Commune;Secteur;IPS
        for (String[] r : rows("somme_ecoles_ips_2021_2022.csv")) {
            String name = r[5].trim();
            School.DetailedLevel level = name.contains("MATERNELLE") ? School.DetailedLevel.MATERNELLE
                    : name.contains("ELEMENT") ? School.DetailedLevel.ELEMENTAIRE : School.DetailedLevel.PRIMAIRE;
            schools.add(school(r[4], name, r[6], level, r[8].trim().startsWith("public"), true));
        }
        // numero_uai (0);appellation_officielle (1);…;secteur_public_prive_libe (4);…;etat_etablissement_libe (21);…;code_commune (25)
        for (String[] r : rows("somme_colleges_geoloc.csv")) {
            schools.add(school(r[0], r[1].trim(), r[25], School.DetailedLevel.COLLEGE, "Public".equals(r[4].trim()),
                    !"FERME".equalsIgnoreCase(r[21].trim())));
        }
        return schools;
    }

    private static School school(String uai, String name, String insee, School.DetailedLevel level, boolean isPublic, boolean open) {
        School s = new School();
        s.uai = uai.trim();
        s.name = name;
        s.communeInsee = insee.trim();
        s.detailedLevel = level;
        s.sector = isPublic ? School.Sector.PUBLIC : School.Sector.PRIVATE;
        s.open = open;
        s.source = School.Source.OPEN_DATA;
        return s;
    }

    /** The data rows of a file (header skipped); the files have no quoted separator (checked when copied). */
    private static List<String[]> rows(String file) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IllegalStateException("missing reference file " + DIR + file);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(";", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
