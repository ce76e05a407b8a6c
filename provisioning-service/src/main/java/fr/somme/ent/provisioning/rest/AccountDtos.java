package fr.somme.ent.provisioning.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.somme.ent.provisioning.domain.LoginSheetLine;

/** The JSON of account activation and of a new activation code. */
public final class AccountDtos {

    private AccountDtos() {
    }

    /** What the user typed on the platform: its login and the code of its login sheet (case ignored). */
    public record ActivationBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9_.-]+$", message = "a login of the ENT") String login,
            @NotBlank @Size(max = 16) @Pattern(regexp = "^\\s*[A-Za-z0-9]+\\s*$", message = "letters and digits") String code) {
    }

    public record ActivationView(UUID id, String state) {
    }

    /** A new activation code for one account: exists only in this response. */
    public record NewCodeView(String login, String role, String lastName, String firstName, String activationCode) {

        static NewCodeView of(LoginSheetLine l) {
            return new NewCodeView(l.login(), l.role().name(), l.lastName(), l.firstName(), l.activationCode());
        }
    }
}
