package fr.somme.ent.projects.repository;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.projects.domain.Circonscription;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CirconscriptionRepository implements PanacheRepositoryBase<Circonscription, String> {
}
