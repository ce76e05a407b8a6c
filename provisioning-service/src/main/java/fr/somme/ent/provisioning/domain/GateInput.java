package fr.somme.ent.provisioning.domain;

import java.time.LocalDate;
import java.util.List;

import fr.somme.ent.provisioning.domain.DeploymentGate.Designation;

/**
 * What the gate decides a class on (rule 9): the class, its project as the read model knows it (validated or
 * withdrawn, since when, the resources it asks for), the members designating its school for its school year, and,
 * for a deployed class, what the read model knows of the member it was deployed for ({@code classMember}: adhesion
 * and termination dates; null before deployment or when unknown).
 */
public record GateInput(ClassDeployment deployment, boolean projectValidated, LocalDate projectStatusDate,
        List<String> requestedResources, List<Designation> designations, Designation classMember) {

    public GateInput(ClassDeployment deployment, boolean projectValidated, LocalDate projectStatusDate,
            List<String> requestedResources, List<Designation> designations) {
        this(deployment, projectValidated, projectStatusDate, requestedResources, designations, null);
    }
}
