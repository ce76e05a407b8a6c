package fr.somme.ent.provisioning.domain;

import java.math.BigDecimal;

/** A licence line of a class (rule 10): one resource, a quantity (its students), the catalogue's unit price. */
public record Licence(String resourceCode, int quantity, BigDecimal unitPrice, LicenceState state) {
}
