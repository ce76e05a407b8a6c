package fr.somme.ent.systemtests;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.systemtests.RunningSuite.Service;
import io.restassured.response.Response;

/**
 * The GET operations of the services' OpenAPI documents ({@code /q/openapi} on the management port), called with member
 * A's ids, and what each role answered: the rows of {@link TenancyMatrixIT}'s matrix.
 */
final class TenancyOperations {

    /** Path parameters that name one tenant's resource (a member, its adhesion, project, call, account). */
    private static final Set<String> TENANT_PATH_PARAMETERS = Set.of("siren", "memberId", "id", "projectId", "accountId");

    /**
     * Operations that are cross-tenant by design, with the reason. PUBLIC ones show everyone's data to every role that may
     * call them (a 2xx with A's data is no leak); STAFF ones are for staff roles across all members, so B's scoped roles
     * must get 403 there.
     */
    static final Map<String, String> CROSS_TENANT = Map.ofEntries(
            Map.entry("MEMBERSHIP GET /reference/schools", "PUBLIC: the Somme's school reference (open data, DSDEN facts)"),
            Map.entry("PROJECT_VALIDATION GET /dsden-conventions", "PUBLIC: the DSDEN's convention, the same for all"),
            Map.entry("MEMBERSHIP GET /ops/designations/territory-violations", "STAFF: operator's control of all designations"),
            Map.entry("PROJECT_VALIDATION GET /reports/project-counts", "STAFF: DSDEN and operator reports"),
            Map.entry("PROJECT_VALIDATION GET /reports/project-counts.csv", "STAFF: DSDEN and operator reports"),
            Map.entry("PROJECT_VALIDATION GET /reports/validated-classes", "STAFF: DSDEN and operator reports"),
            Map.entry("PROJECT_VALIDATION GET /reports/validated-classes.csv", "STAFF: DSDEN and operator reports"),
            Map.entry("PROVISIONING GET /resources", "STAFF: the catalogue, operator only"),
            Map.entry("PROVISIONING GET /resources/{code}", "STAFF: the catalogue, operator only"),
            Map.entry("PROVISIONING GET /classes", "STAFF: every class, operator only"),
            Map.entry("PROVISIONING GET /ops/provisioning/purges", "STAFF: operator"),
            Map.entry("PROVISIONING GET /scim/v2/Users", "STAFF: the ENT platform's channel (role ent-platform)"),
            Map.entry("PROVISIONING GET /scim/v2/Users/{id}", "STAFF: the ENT platform's channel (role ent-platform)"),
            Map.entry("PROVISIONING GET /scim/v2/Groups", "STAFF: the ENT platform's channel (role ent-platform)"),
            Map.entry("PROVISIONING GET /scim/v2/Groups/{id}", "STAFF: the ENT platform's channel (role ent-platform)"),
            Map.entry("BILLING GET /budgets/{schoolYear}", "STAFF: the syndicat's budget, finance and operator"),
            Map.entry("BILLING GET /budgets/{schoolYear}/prices", "STAFF: the year's price list, finance and operator"),
            Map.entry("BILLING GET /budget/{schoolYear}", "STAFF: the syndicat's budget (deprecated path), finance and operator"),
            Map.entry("BILLING GET /budget/{schoolYear}/prices", "STAFF: the year's price list (deprecated path), finance and operator"),
            Map.entry("BILLING GET /periods/{schoolYear}/simulation", "STAFF: all members' calls, finance and operator"),
            Map.entry("BILLING GET /periods/{schoolYear}/export.csv", "STAFF: all members' calls, finance and operator"));

    /** Operations naming a resource of A that no role of A may read in this journey, with the reason (no control). */
    static final Map<String, String> NO_CONTROL = Map.ofEntries(
            Map.entry("BILLING GET /calls/{id}/credit-note", "A's call is live, without credit note: 409 for A's roles"),
            Map.entry("BILLING GET /calls/{id}/credit-note.pdf", "A's call is live, without credit note: 409 for A's roles"),
            Map.entry("BILLING GET /calls/{id}/credit-note/ubl", "A's call is live, without credit note: 409 for A's roles"));

    /** One answer: the status, whether the body shows anything of A, and (controls) which role gave it. */
    record Cell(int status, boolean showsA, String who) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** For the control: a 2xx showing A, then any 2xx, then anything. */
        int score() {
            return (ok() ? 2 : 0) + (ok() && showsA ? 1 : 0);
        }
    }

    /** One GET operation with A's ids in its path and query, and the answers per role. */
    static final class Operation {
        final Service service;
        final String template;
        final String path;
        final Map<String, String> query;
        final boolean namesAResource;
        private final Map<String, Cell> cells = new LinkedHashMap<>();
        private Cell control;

        Operation(Service service, String template, String path, Map<String, String> query, boolean namesAResource) {
            this.service = service;
            this.template = template;
            this.path = path;
            this.query = query;
            this.namesAResource = namesAResource;
        }

        String key() {
            return service.name() + " GET " + template;
        }

        String crossTenant() {
            return CROSS_TENANT.get(key());
        }

        boolean isPublic() {
            return crossTenant() != null && crossTenant().startsWith("PUBLIC");
        }

        Map<String, Cell> cells() {
            return cells;
        }

        void setControl(Cell control) {
            this.control = control;
        }

        /** A 2xx of a role of B that shows A's data, or any 2xx on a path naming A's resource (a PDF shows no marker). */
        boolean leaks(Cell c) {
            return c.ok() && !isPublic() && (c.showsA() || namesAResource);
        }
    }

    private final Map<String, String> a;

    /** {@code a}: member A's ids (siren, name, uai, adhesion, project, call, account, logins, students' names...). */
    TenancyOperations(Map<String, String> a) {
        this.a = a;
    }

    /** Every GET operation of the service's OpenAPI document, its path and query filled with A's ids. */
    List<Operation> getOperations(Service service) {
        String doc = TenancyMatrixIT.management(service).get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode paths;
        try {
            paths = HostileEvents.JSON.readTree(doc).path("paths");
        } catch (JsonProcessingException e) {
            throw new AssertionError(service.module + ": /q/openapi is not JSON", e);
        }
        List<Operation> out = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext();) {
            String template = it.next();
            JsonNode get = paths.path(template).path("get");
            if (get.isMissingNode()) {
                continue;
            }
            List<JsonNode> parameters = new ArrayList<>();
            paths.path(template).path("parameters").forEach(parameters::add);
            get.path("parameters").forEach(parameters::add);
            String path = template;
            boolean namesA = false;
            Map<String, String> query = new LinkedHashMap<>();
            for (JsonNode p : parameters) {
                String name = p.path("name").asText();
                if ("path".equals(p.path("in").asText())) {
                    String value = pathValue(template, name);
                    path = path.replace("{" + name + "}", value);
                    namesA |= TENANT_PATH_PARAMETERS.contains(name) && a.containsValue(value);
                } else if ("query".equals(p.path("in").asText()) && queryValue(template, name) != null) {
                    query.put(name, queryValue(template, name));
                }
            }
            out.add(new Operation(service, template, path, query, namesA));
        }
        return out;
    }

    private String pathValue(String template, String name) {
        return switch (name) {
            case "siren", "memberId" -> a.get("siren");
            case "projectId" -> a.get("project");
            case "accountId" -> a.get("account");
            case "schoolYear" -> Journeys.YEAR;
            case "code" -> a.get("resource");
            case "id" -> template.startsWith("/members/") ? a.get("adhesion")
                    : template.startsWith("/projects/") || template.startsWith("/scim/v2/Groups/") ? a.get("project")
                    : template.startsWith("/calls/") ? a.get("call")
                    : template.startsWith("/scim/v2/Users/") ? a.get("account")
                    : UUID.randomUUID().toString(); // ops tools (outbox, probes): not a tenant's resource
            default -> "x";
        };
    }

    private String queryValue(String template, String name) {
        return switch (name) {
            case "memberId" -> a.get("siren");
            case "schoolYear" -> Journeys.YEAR;
            case "schoolUai", "uai" -> a.get("uai");
            case "circonscription", "circonscriptionCode" -> a.get("circonscription");
            case "q" -> template.startsWith("/members") ? a.get("name") : a.get("uai"); // name contains / UAI contains
            case "communeInsee" -> a.get("insee");
            default -> null;
        };
    }

    Cell call(Operation op, String token) {
        Response r = given().baseUri(TenancyMatrixIT.suite().url(op.service)).auth().oauth2(token).queryParams(op.query)
                .urlEncodingEnabled(true).get(op.path);
        String body = r.asString();
        boolean shows = a.entrySet().stream().filter(e -> !Set.of("circonscription", "insee", "resource").contains(e.getKey()))
                .anyMatch(e -> body.contains(e.getValue()));
        return new Cell(r.statusCode(), shows, null);
    }

    static List<String> leaks(List<Operation> operations) {
        List<String> out = new ArrayList<>();
        for (Operation op : operations) {
            op.cells.forEach((role, c) -> {
                if (op.leaks(c)) {
                    out.add(op.key() + " as " + role + " → " + c.status());
                }
            });
        }
        return out;
    }

    /** B's roles: on A's resource 403 or 404; elsewhere 200 (without A, see {@link #leaks}) or 403. */
    static List<String> unexpected(List<Operation> operations) {
        List<String> out = new ArrayList<>();
        for (Operation op : operations) {
            op.cells.forEach((role, c) -> {
                boolean expected = op.namesAResource && !op.isPublic() ? c.status() == 403 || c.status() == 404
                        : c.ok() || c.status() == 403;
                if (!expected) {
                    out.add(op.key() + " as " + role + " → " + c.status());
                }
            });
        }
        return out;
    }

    static List<String> withoutControl(List<Operation> operations) {
        return operations.stream().filter(op -> op.namesAResource && !NO_CONTROL.containsKey(op.key()))
                .filter(op -> op.control == null || !op.control.ok()).map(op -> op.key() + " → "
                        + (op.control == null ? "-" : op.control.status())).toList();
    }

    /** The matrix in Markdown: operation × role → status, LEAK marks, A's control, the reason of cross-tenant ones. */
    static String table(List<Operation> operations, List<String> roles) {
        StringBuilder t = new StringBuilder("# Tenancy matrix: member A's ids, roles scoped to member B\n\n")
                .append("Each cell: HTTP status of the GET with A's ids; `LEAK` = a 2xx showing A's data. `A's own`: the best")
                .append(" answer of A's roles or a staff role: operator, finance, dsden, platform (✓ = shows A), the control that the ids are right.\n\n")
                .append("| service | operation (A's ids) | ");
        roles.forEach(r -> t.append(r).append(" | "));
        t.append("A's own | cross-tenant by design |\n|---|---|");
        roles.forEach(r -> t.append("---|"));
        t.append("---|---|\n");
        for (Operation op : operations) {
            t.append("| ").append(op.service.module).append(" | `GET ").append(op.template);
            if (!op.query.isEmpty()) {
                t.append("?").append(String.join("&", op.query.keySet().stream().map(k -> k + "=A").toList()));
            }
            t.append("` | ");
            for (String role : roles) {
                Cell c = op.cells.get(role);
                t.append(c.status()).append(op.leaks(c) ? " **LEAK**" : "").append(" | ");
            }
            Cell ctl = op.control;
            t.append(ctl == null ? "-" : ctl.status() + (ctl.showsA() ? " ✓ " : " ") + ctl.who()).append(" | ")
                    .append(op.crossTenant() != null ? op.crossTenant() : NO_CONTROL.getOrDefault(op.key(), ""))
                    .append(" |\n");
        }
        long leaks = operations.stream().mapToLong(op -> op.cells.values().stream().filter(op::leaks).count()).sum();
        t.append("\n").append(operations.size()).append(" GET operations × ").append(roles.size())
                .append(" roles scoped to B: ").append(leaks).append(" leak(s).\n");
        return t.toString();
    }
}
