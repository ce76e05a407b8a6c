package fr.somme.ent.provisioning.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.service.ClassService;
import fr.somme.ent.provisioning.service.ClassService.AccountView;
import fr.somme.ent.provisioning.service.ClassService.ClassView;
import fr.somme.ent.provisioning.service.ClassService.LoginSheetLine;
import fr.somme.ent.provisioning.service.ClassService.RosterLine;

@Path("/classes")
@Tag(name = "classes", description = "The deployment gate's outcome per class, rosters, accounts, login sheets")
@Produces(MediaType.APPLICATION_JSON)
public class ClassResource {

    private final ClassService classes;
    private final CallerScope caller;

    public ClassResource(ClassService classes, CallerScope caller) {
        this.classes = classes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed("operator")
    @Operation(summary = "Classes (pending with reasons, deployed, closed), counts only")
    public List<ClassView> list(@QueryParam("status") String status, @QueryParam("memberId") String memberId,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        if (status != null && !List.of("PENDING", "DEPLOYED", "CLOSED").contains(status)) {
            throw ProblemException.badRequest("status", "status is PENDING, DEPLOYED or CLOSED");
        }
        return classes.list(status, memberId, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    @GET
    @Path("/{projectId}")
    @RolesAllowed({ "operator", "teacher", "member-agent" })
    @Operation(summary = "A class: status, reasons it is pending, counts and licences (no names)")
    public ClassView get(@PathParam("projectId") UUID projectId) {
        return classes.view(projectId, caller);
    }

    @GET
    @Path("/{projectId}/accounts")
    @RolesAllowed({ "operator", "teacher" })
    @Operation(summary = "The class's accounts with logins and names (its teacher, the operator)")
    public List<AccountView> accounts(@PathParam("projectId") UUID projectId) {
        return classes.accounts(projectId, caller);
    }

    @PUT
    @Path("/{projectId}/roster")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "operator", "teacher" })
    @Operation(summary = "Upload the roster (JSON: [{lastName, firstName}]) before deployment")
    public Response rosterJson(@PathParam("projectId") UUID projectId, List<RosterLine> lines) {
        if (lines == null) {
            throw ProblemException.badRequest("roster-size", "a roster has 1 to 100 students");
        }
        return rosterStored(classes.replaceRoster(projectId, lines, caller));
    }

    @PUT
    @Path("/{projectId}/roster")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed({ "operator", "teacher" })
    @Operation(summary = "Upload the roster (CSV: last name, first name; optional header; ',' or ';')")
    public Response rosterCsv(@PathParam("projectId") UUID projectId, String csv) {
        return rosterStored(classes.replaceRoster(projectId, parseCsv(csv), caller));
    }

    @PUT
    @Path("/{projectId}/seats/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "operator", "teacher" })
    @Operation(summary = "Name an anonymous seat (pending activation): {lastName, firstName}; its login follows the names")
    public AccountView nameSeat(@PathParam("projectId") UUID projectId, @PathParam("accountId") UUID accountId,
            RosterLine name) {
        return classes.nameSeat(projectId, accountId, name, caller);
    }

    @POST
    @Path("/{projectId}/login-sheet")
    @Produces({ "text/csv", MediaType.TEXT_HTML })
    @RolesAllowed({ "operator", "teacher" })
    @Operation(summary = "Hand out the class's login sheet with activation codes, once: CSV, or printable HTML with ?format=html")
    public Response loginSheet(@PathParam("projectId") UUID projectId, @QueryParam("format") @DefaultValue("csv") String format) {
        if (!format.equals("csv") && !format.equals("html")) {
            throw ProblemException.badRequest("format", "format is csv or html");
        }
        List<LoginSheetLine> lines = classes.issueLoginSheet(projectId, caller);
        if (format.equals("html")) {
            return Response.ok(html(projectId, lines), "text/html; charset=UTF-8").header("Cache-Control", "no-store").build();
        }
        StringBuilder csv = new StringBuilder("login,role,lastName,firstName,activationCode\r\n");
        for (LoginSheetLine l : lines) {
            csv.append(cell(l.login())).append(',').append(cell(l.role())).append(',').append(cell(l.lastName()))
                    .append(',').append(cell(l.firstName())).append(',').append(cell(l.activationCode())).append("\r\n");
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"login-sheet-" + projectId + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    static String html(UUID projectId, List<LoginSheetLine> lines) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Identifiants ENT</title>"
                + "<style>body{font-family:sans-serif}.card{display:inline-block;width:45%;border:1px dashed #555;margin:6px;"
                + "padding:10px;page-break-inside:avoid}.code{font-family:monospace;font-size:1.4em;letter-spacing:.15em}"
                + "</style></head><body><h1>Identifiants ENT</h1>");
        for (LoginSheetLine l : lines) {
            String who = (l.firstName() == null ? "" : l.firstName()) + " " + (l.lastName() == null ? "" : l.lastName());
            h.append("<div class=\"card\"><p>").append(escape(who.isBlank() ? ("TEACHER".equals(l.role()) ? "Enseignant" : "Élève")
                    : who.strip())).append("</p><p>Identifiant : <b>").append(escape(l.login()))
                    .append("</b></p><p>Code d'activation : <span class=\"code\">").append(escape(l.activationCode()))
                    .append("</span></p></div>");
        }
        return h.append("</body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static Response rosterStored(int count) {
        return Response.ok(java.util.Map.of("students", count)).build();
    }

    static List<RosterLine> parseCsv(String csv) {
        List<RosterLine> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        try (BufferedReader reader = new BufferedReader(new StringReader(csv.replace("\uFEFF", "")))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                char sep = line.indexOf(';') >= 0 ? ';' : ',';
                List<String> cells = split(line, sep);
                if (n == 1 && cells.get(0).strip().toLowerCase().replace(" ", "").matches("lastname|nom")) {
                    continue;
                }
                if (cells.size() != 2) {
                    throw ProblemException.badRequest("roster-line", "line " + n + ": expected last name, first name");
                }
                out.add(new RosterLine(cells.get(0).strip(), cells.get(1).strip()));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("roster-line", "unreadable CSV");
        }
        return out;
    }

    private static List<String> split(String line, char sep) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == sep && !quoted) {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        cells.add(cur.toString());
        return cells;
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // no formula injection in a spreadsheet
        }
        return v.matches(".*[,\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
