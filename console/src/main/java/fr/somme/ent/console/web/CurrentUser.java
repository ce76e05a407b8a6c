package fr.somme.ent.console.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import fr.somme.ent.console.menu.Menu;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is logged in: the name and scope claims of the ID token (member_id, circonscription, school_uai — the realm
 * puts them in both tokens) and the realm roles of the access token (quarkus.oidc.roles.source=accesstoken).
 */
@RequestScoped
public class CurrentUser {

    private static final Set<String> KNOWN = Set.of(Menu.OPERATOR, Menu.FINANCE, Menu.MEMBER_AGENT, Menu.DSDEN, Menu.IEN,
            Menu.TEACHER);

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken idToken;

    public boolean loggedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String name() {
        if (!loggedIn()) {
            return "";
        }
        String name = claim("name");
        return name != null ? name : claim("preferred_username") != null ? claim("preferred_username") : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return loggedIn() ? identity.getRoles().stream().filter(KNOWN::contains).collect(Collectors.toCollection(TreeSet::new)) : Set.of();
    }

    public boolean has(String role) {
        return roles().contains(role);
    }

    public String roleLabels() {
        return roles().stream().map(Menu::roleLabel).collect(Collectors.joining(", "));
    }

    public List<Menu.Entry> menu() {
        return Menu.entries(roles());
    }

    public String memberId() {
        return claim("member_id");
    }

    public String circonscription() {
        return claim("circonscription");
    }

    public String schoolUai() {
        return claim("school_uai");
    }

    private String claim(String name) {
        try {
            Object value = idToken == null ? null : idToken.getClaim(name);
            return value == null ? null : value.toString().replace("\"", "");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
