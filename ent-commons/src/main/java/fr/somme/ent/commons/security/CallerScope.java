package fr.somme.ent.commons.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller's scope, read from the token's claims (realm file {@code deploy/keycloak/ent-realm.json}):
 * a member agent acts for one member, an IEN for one circonscription, a teacher for one school.
 * Scoping is enforced in each service, not only at the gateway.
 */
@RequestScoped
public class CallerScope {

    public static final String MEMBER_ID = "member_id";
    public static final String CIRCONSCRIPTION = "circonscription";
    public static final String SCHOOL_UAI = "school_uai";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String subject() {
        String sub = token.getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    /** Who acted, for audit trails: the preferred user name when present, else the subject. */
    public String actor() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : subject();
    }

    public boolean hasRole(Role role) {
        return identity.hasRole(role.realmName());
    }

    /** True when the caller holds at least one of these roles. */
    public boolean hasAnyRole(Role... roles) {
        for (Role role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The roles of this realm the caller holds. */
    public Set<Role> roles() {
        EnumSet<Role> held = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (hasRole(role)) {
                held.add(role);
            }
        }
        return held;
    }

    public Optional<String> memberId() {
        return claim(MEMBER_ID);
    }

    public Optional<String> circonscription() {
        return claim(CIRCONSCRIPTION);
    }

    public Optional<String> schoolUai() {
        return claim(SCHOOL_UAI);
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", "")).filter(s -> !s.isBlank());
    }
}
