package fr.somme.ent.projects.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import fr.somme.ent.commons.security.Role;

/** A role is stored under its realm name ({@code teacher}, {@code ien}), as the history always showed it. */
@Converter
public class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.realmName();
    }

    @Override
    public Role convertToEntityAttribute(String name) {
        return name == null ? null : Role.fromRealmName(name)
                .orElseThrow(() -> new IllegalStateException("unknown role in project_transition: " + name));
    }
}
