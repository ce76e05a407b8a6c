package fr.somme.ent.provisioning.domain;

import java.util.List;

/** A class with what its readers see: counts of accounts and roster lines, and its licences (never names). */
public record ClassOverview(ClassDeployment deployment, int teacherAccounts, int studentAccounts, int activeAccounts,
        int rosterEntries, List<Licence> licences) {
}
