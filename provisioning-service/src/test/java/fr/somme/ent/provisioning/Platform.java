package fr.somme.ent.provisioning;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.somme.ent.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The ENT platform's client as the realm describes it (roles partner and ent-platform), and a resource provider. */
public final class Platform {

    private Platform() {
    }

    /** A client-credentials token of client {@code ent-platform}. */
    public static String token() {
        return Tokens.of("service-account-ent-platform", "partner", "ent-platform").claim("azp", "ent-platform").sign();
    }

    /** A client-credentials token of another partner: {@code resource-provider}, role partner only. */
    public static String resourceProvider() {
        return Tokens.of("service-account-resource-provider", "partner").claim("azp", "resource-provider").sign();
    }

    /** The class's login sheet, handed out with that token: activation code by login (teacher first). */
    public static Map<String, String> loginSheet(UUID project, String token) {
        String csv = given().auth().oauth2(token).post("/classes/" + project + "/login-sheet").then().statusCode(200)
                .extract().asString();
        Map<String, String> codes = new LinkedHashMap<>();
        String[] lines = csv.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            codes.put(cells[0], cells[4]);
        }
        return codes;
    }

    /** The platform reports that the user typed this login and code. */
    public static Response activate(String login, String code) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"login\":\"" + login + "\",\"code\":\"" + code + "\"}").post("/accounts/activation");
    }
}
