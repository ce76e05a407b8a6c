package fr.somme.ent.provisioning.domain;

import java.time.LocalDate;
import java.util.List;

import fr.somme.ent.provisioning.domain.DeploymentGate.Designation;

/**
 * What the gate decides a class on (rule 9): the class, its project as the read model knows it (validated or
 * withdrawn, since when, the resources it asks for) and the members designating its school for its school year.
 */
public record GateInput(ClassDeployment deployment, boolean projectValidated, LocalDate projectStatusDate,
        List<String> requestedResources, List<Designation> designations) {
}
