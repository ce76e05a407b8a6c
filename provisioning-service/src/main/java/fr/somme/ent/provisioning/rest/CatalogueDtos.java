package fr.somme.ent.provisioning.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.somme.ent.provisioning.domain.Money;
import fr.somme.ent.provisioning.domain.Resource;

/** The JSON of the resource catalogue, and the mapping from and to the domain. */
public final class CatalogueDtos {

    private CatalogueDtos() {
    }

    public record Price(@NotNull @Pattern(regexp = "^[0-9]{4}-[0-9]{4}$") String schoolYear,
            @NotNull @Pattern(regexp = "^[0-9]{1,8}\\.[0-9]{2}$", message = "euros with two decimals, e.g. 12.50") String unitPrice) {
    }

    public record ResourceBody(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 200) String supplier,
            @NotNull @Pattern(regexp = "^(SAML2|OIDC|CAS|GAR)$", message = "SAML2, OIDC, CAS or GAR") String ssoProtocol,
            boolean validatedByDepartement, @NotNull @Size(max = 20) List<@Valid @NotNull Price> prices) {

        /** The resource this body describes; refuses a malformed code or school year (400). */
        Resource toResource(String code) {
            return new Resource(code, title, supplier, ssoProtocol, validatedByDepartement, prices.stream()
                    .map(p -> new Resource.Price(p.schoolYear(), new BigDecimal(p.unitPrice()))).toList());
        }
    }

    public record ResourceView(String code, String title, String supplier, String ssoProtocol,
            boolean validatedByDepartement, List<Price> prices) {

        static ResourceView of(Resource r) {
            return new ResourceView(r.code(), r.title(), r.supplier(), r.ssoProtocol(), r.validatedByDepartement(),
                    r.prices().stream().map(p -> new Price(p.schoolYear(), Money.text(p.unitPrice()))).toList());
        }
    }
}
