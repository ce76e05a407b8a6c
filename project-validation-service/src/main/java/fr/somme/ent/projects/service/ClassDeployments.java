package fr.somme.ent.projects.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.projects.domain.ClassDeployment;
import fr.somme.ent.projects.repository.ClassDeploymentRepository;

/** What provisioning announced about the projects' classes (deployed, access ended), and what the project's view shows. */
@ApplicationScoped
public class ClassDeployments {

    private final Clock clock;
    private final ClassDeploymentRepository deployments;

    public ClassDeployments(Clock clock, ClassDeploymentRepository deployments) {
        this.clock = clock;
        this.deployments = deployments;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deployed(UUID projectId, LocalDate on, String eventId) {
        ClassDeployment d = deployments.ofProject(projectId);
        d.deployed(on, eventId, clock.instant());
        deployments.persist(d);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accessEnded(UUID projectId, LocalDate on, String reason, String eventId) {
        ClassDeployment d = deployments.ofProject(projectId);
        d.accessEnded(on, reason, eventId, clock.instant());
        deployments.persist(d);
    }

    public Optional<ClassDeployment> ofProject(UUID projectId) {
        return deployments.findByIdOptional(projectId);
    }

    /** What is known of each of these projects' classes, by project id (absent: nothing announced yet); one query. */
    public Map<UUID, ClassDeployment> ofProjects(Collection<UUID> projectIds) {
        return deployments.ofProjects(projectIds).stream().collect(Collectors.toMap(ClassDeployment::projectId, Function.identity()));
    }
}
