package fr.somme.ent.commons.openapi;

import java.util.Map;
import java.util.Optional;

/** The identifiers of the ENT as the OpenAPI documents describe them: a pattern, what it is, and an example. */
public record Identifiers(String schemaName, String pattern, String description, String example) {

    public static final Identifiers SIREN = new Identifiers("Siren", "^\\d{9}$",
            "SIREN of a member or an EPCI (INSEE SIRENE): 9 digits, Luhn-checked", "218000198");
    public static final Identifiers SIRET = new Identifiers("Siret", "^\\d{14}$",
            "SIRET of an establishment (the SIREN and a 5-digit NIC): 14 digits", "21800019800011");
    public static final Identifiers UAI = new Identifiers("Uai", "^\\d{7}[A-Z]$",
            "UAI of a school (Éducation nationale): 7 digits and a check letter", "0801234G");
    public static final Identifiers INSEE = new Identifiers("InseeCode", "^(\\d{2}|2A|2B)\\d{3}$",
            "INSEE code of a commune (code officiel géographique): 5 characters, Corsica 2A/2B", "80021");
    public static final Identifiers SCHOOL_YEAR = new Identifiers("SchoolYear", "^\\d{4}-\\d{4}$",
            "a school year, YYYY-YYYY (two consecutive years)", "2026-2027");

    /** Parameter and property names that hold one of the identifiers, whatever the service. */
    private static final Map<String, Identifiers> BY_NAME = Map.ofEntries(
            Map.entry("siren", SIREN), Map.entry("memberId", SIREN), Map.entry("epciSiren", SIREN),
            Map.entry("memberSiren", SIREN), Map.entry("siret", SIRET), Map.entry("uai", UAI),
            Map.entry("schoolUai", UAI), Map.entry("inseeCode", INSEE), Map.entry("communeInsee", INSEE),
            Map.entry("schoolYear", SCHOOL_YEAR));

    public static Optional<Identifiers> named(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }

    public static java.util.List<Identifiers> all() {
        return java.util.List.of(INSEE, SCHOOL_YEAR, SIREN, SIRET, UAI);
    }
}
