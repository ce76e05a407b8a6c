package fr.somme.ent.provisioning.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.provisioning.domain.ActivationCodes;

/** Activation codes keyed by {@code ent.activation.hmac-key} (Secret provisioning-service-secrets in prod). */
@ApplicationScoped
public class ActivationConfig {

    @Produces
    @Singleton
    ActivationCodes activationCodes(@ConfigProperty(name = "ent.activation.hmac-key") String key) {
        return new ActivationCodes(key);
    }
}
