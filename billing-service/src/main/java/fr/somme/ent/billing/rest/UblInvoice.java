package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.rest.UblWriter.cbc;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.billing.domain.BillingProfile;
import fr.somme.ent.billing.domain.CallStatus;
import fr.somme.ent.billing.rest.CallDtos.CallView;
import fr.somme.ent.commons.rules.Rejection;

/**
 * A contribution call as a UBL 2.1 Invoice (type 380) and its cancellation as a UBL 2.1 CreditNote (type 381) that
 * references the call: what the members' finance software and Chorus Pro take. Seller = the syndicat, buyer = the member
 * identified by the SIRET of its billing profile (scheme 0009), the Chorus Pro service code as BuyerReference and the
 * engagement number as OrderReference (see {@link UblWriter}).
 */
@ApplicationScoped
public class UblInvoice {

    static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017";

    private final String sellerName;
    private final Optional<String> sellerSiren;

    public UblInvoice(@ConfigProperty(name = "ent.billing.seller.name", defaultValue = "Syndicat mixte Somme Numérique") String sellerName,
            @ConfigProperty(name = "ent.billing.seller.siren") Optional<String> sellerSiren) {
        this.sellerName = sellerName;
        this.sellerSiren = sellerSiren;
    }

    /** The invoice of an issued (or paid, or cancelled) call; a draft has no number yet and no invoice. */
    public String invoice(CallView call, Optional<BillingProfile> profile) {
        if (call.number() == null) {
            throw Rejection.conflict("call-not-issued", "a draft has no invoice: issue it first");
        }
        BillingProfile buyer = required(call, profile);
        return UblWriter.document(INVOICE, "Invoice", w -> {
            cbc(w, "UBLVersionID", "2.1");
            cbc(w, "CustomizationID", CUSTOMIZATION);
            cbc(w, "ID", call.number());
            cbc(w, "UUID", call.id().toString());
            cbc(w, "IssueDate", call.issuedOn().toString());
            cbc(w, "InvoiceTypeCode", "380");
            cbc(w, "Note", "Contribution au service ENT, charte art. 4, année scolaire " + call.schoolYear());
            cbc(w, "DocumentCurrencyCode", "EUR");
            UblWriter.buyerReference(w, buyer);
            UblWriter.period(w, call);
            UblWriter.orderReference(w, buyer);
            UblWriter.parties(w, sellerName, sellerSiren.orElse(null), call, buyer);
            UblWriter.totals(w, call.amount());
            UblWriter.lines(w, "InvoiceLine", "InvoicedQuantity", call);
        });
    }

    /** The credit note (type 381) that cancelled the call in full, referencing the call's invoice. */
    public String creditNote(CallView call, Optional<BillingProfile> profile) {
        if (call.status() != CallStatus.CANCELLED || call.creditNoteNumber() == null) {
            throw Rejection.conflict("credit-note-missing", "only a cancelled call has a credit note");
        }
        BillingProfile buyer = required(call, profile);
        String reason = call.cancelReason() == null || call.cancelReason().isBlank() ? "Annulation" : call.cancelReason();
        return UblWriter.document(CREDIT_NOTE, "CreditNote", w -> {
            cbc(w, "UBLVersionID", "2.1");
            cbc(w, "CustomizationID", CUSTOMIZATION);
            cbc(w, "ID", call.creditNoteNumber());
            cbc(w, "UUID", UUID.nameUUIDFromBytes(("credit-note:" + call.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            cbc(w, "IssueDate", call.cancelledOn().toString());
            cbc(w, "CreditNoteTypeCode", "381");
            cbc(w, "Note", "Avoir annulant l'appel de contribution " + call.number() + " : " + reason);
            cbc(w, "DocumentCurrencyCode", "EUR");
            UblWriter.buyerReference(w, buyer);
            UblWriter.period(w, call);
            w.writeStartElement(UblWriter.CAC, "DiscrepancyResponse");
            cbc(w, "ReferenceID", call.number());
            cbc(w, "Description", reason);
            w.writeEndElement();
            UblWriter.orderReference(w, buyer);
            w.writeStartElement(UblWriter.CAC, "BillingReference");
            w.writeStartElement(UblWriter.CAC, "InvoiceDocumentReference");
            cbc(w, "ID", call.number());
            cbc(w, "IssueDate", call.issuedOn().toString());
            w.writeEndElement();
            w.writeEndElement();
            UblWriter.parties(w, sellerName, sellerSiren.orElse(null), call, buyer);
            UblWriter.totals(w, call.amount());
            UblWriter.lines(w, "CreditNoteLine", "CreditedQuantity", call);
        });
    }

    /** Chorus Pro identifies the buyer by its SIRET: without a billing profile there is no document to send. */
    private static BillingProfile required(CallView call, Optional<BillingProfile> profile) {
        return profile.orElseThrow(() -> Rejection.conflict("billing-profile-missing", "member " + call.memberId()
                + " has no billing profile (SIRET, Chorus Pro service code): set it with PUT /members/"
                + call.memberId() + "/billing-profile"));
    }
}
