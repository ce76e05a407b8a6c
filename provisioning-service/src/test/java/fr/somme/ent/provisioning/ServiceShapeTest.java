package fr.somme.ent.provisioning;

import fr.somme.ent.testsupport.ServiceShapeContract;

/** The shape every service shares (docs/adr/0002-persistence-and-layers.md), checked on this service's sources. */
class ServiceShapeTest extends ServiceShapeContract {
}
