package fr.somme.ent.billing.rest;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.billing.domain.CallKind;
import fr.somme.ent.billing.rest.CallDtos.CallView;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/**
 * A contribution call as a UBL 2.1 Invoice (what the members' finance software and Chorus Pro take): seller = the
 * syndicat, buyer = the member identified by its SIREN (scheme 0002), one line per component, no VAT (category "O",
 * a public-service contribution outside the scope of VAT), totals equal to the call's amount.
 */
@ApplicationScoped
public class UblInvoice {

    static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String SIREN_SCHEME = "0002";

    private record Line(String name, String description, long quantity, String unitPrice, String amount) {
    }

    private final String sellerName;
    private final Optional<String> sellerSiren;

    public UblInvoice(@ConfigProperty(name = "ent.billing.seller.name", defaultValue = "Syndicat mixte Somme Numérique") String sellerName,
            @ConfigProperty(name = "ent.billing.seller.siren") Optional<String> sellerSiren) {
        this.sellerName = sellerName;
        this.sellerSiren = sellerSiren;
    }

    /** The invoice of an issued (or paid, or cancelled) call; a draft has no number yet and no invoice. */
    public String render(CallView call, String serviceCode) {
        if (call.number() == null) {
            throw Rejection.conflict("call-not-issued", "a draft has no invoice: issue it first");
        }
        SchoolYear year = SchoolYear.parse(call.schoolYear());
        List<Line> lines = lines(call);
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(INVOICE);
            w.setPrefix("cac", CAC);
            w.setPrefix("cbc", CBC);
            w.writeStartElement(INVOICE, "Invoice");
            w.writeDefaultNamespace(INVOICE);
            w.writeNamespace("cac", CAC);
            w.writeNamespace("cbc", CBC);
            header(w, call, serviceCode, year);
            totals(w, call.amount());
            invoiceLines(w, lines);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("UBL invoice of " + call.id(), e);
        }
    }

    private void header(XMLStreamWriter w, CallView call, String serviceCode, SchoolYear year) throws XMLStreamException {
        cbc(w, "UBLVersionID", "2.1");
        cbc(w, "CustomizationID", "urn:cen.eu:en16931:2017");
        cbc(w, "ID", call.number());
        cbc(w, "UUID", call.id().toString());
        cbc(w, "IssueDate", call.issuedOn().toString());
        cbc(w, "InvoiceTypeCode", "380");
        cbc(w, "Note", "Contribution au service ENT, charte art. 4, année scolaire " + call.schoolYear());
        cbc(w, "DocumentCurrencyCode", "EUR");
        if (serviceCode != null && !serviceCode.isBlank()) {
            cbc(w, "BuyerReference", serviceCode);
        }
        w.writeStartElement(CAC, "InvoicePeriod");
        cbc(w, "StartDate", year.firstDay().toString());
        cbc(w, "EndDate", year.lastDay().toString());
        w.writeEndElement();
        party(w, "AccountingSupplierParty", sellerName, sellerSiren.orElse(null));
        party(w, "AccountingCustomerParty", call.memberName() == null ? "SIREN " + call.memberId() : call.memberName(),
                call.memberId());
    }

    /** No VAT (category "O"): tax 0.00, every total equal to the call's amount. */
    private static void totals(XMLStreamWriter w, String amount) throws XMLStreamException {
        w.writeStartElement(CAC, "TaxTotal");
        amount(w, "TaxAmount", "0.00");
        w.writeStartElement(CAC, "TaxSubtotal");
        amount(w, "TaxableAmount", amount);
        amount(w, "TaxAmount", "0.00");
        taxCategory(w, "TaxCategory", true);
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement(CAC, "LegalMonetaryTotal");
        amount(w, "LineExtensionAmount", amount);
        amount(w, "TaxExclusiveAmount", amount);
        amount(w, "TaxInclusiveAmount", amount);
        amount(w, "PayableAmount", amount);
        w.writeEndElement();
    }

    private static void invoiceLines(XMLStreamWriter w, List<Line> lines) throws XMLStreamException {
        int n = 1;
        for (Line l : lines) {
            w.writeStartElement(CAC, "InvoiceLine");
            cbc(w, "ID", String.valueOf(n++));
            w.writeStartElement(CBC, "InvoicedQuantity");
            w.writeAttribute("unitCode", "C62");
            w.writeCharacters(String.valueOf(l.quantity()));
            w.writeEndElement();
            amount(w, "LineExtensionAmount", l.amount());
            w.writeStartElement(CAC, "Item");
            cbc(w, "Description", l.description());
            cbc(w, "Name", l.name());
            taxCategory(w, "ClassifiedTaxCategory", false);
            w.writeEndElement();
            w.writeStartElement(CAC, "Price");
            amount(w, "PriceAmount", l.unitPrice());
            w.writeEndElement();
            w.writeEndElement();
        }
    }

    private static List<Line> lines(CallView call) {
        JsonNode d = call.derivation();
        List<Line> lines = new ArrayList<>();
        if (call.kind() == CallKind.ECOLES_PRO_RATA) {
            lines.add(new Line("Contribution ENT écoles " + call.schoolYear(),
                    "Charges nettes " + d.path("netCharges").asText() + " EUR x " + d.path("students").asText()
                            + " élèves / " + d.path("totalStudents").asText() + " élèves (part exacte "
                            + d.path("exactShare").asText() + ", arrondi " + d.path("roundingAdjustment").asText() + ")",
                    1, call.amount(), call.amount()));
        } else {
            for (JsonNode l : d.path("lines")) {
                lines.add(new Line(l.path("label").asText(), l.path("component").asText() + " (" + l.path("source").asText() + ")",
                        l.path("quantity").asLong(), l.path("unitPrice").asText(), l.path("amount").asText()));
            }
        }
        return lines;
    }

    private static void party(XMLStreamWriter w, String role, String name, String siren) throws XMLStreamException {
        w.writeStartElement(CAC, role);
        w.writeStartElement(CAC, "Party");
        if (siren != null) {
            w.writeStartElement(CBC, "EndpointID");
            w.writeAttribute("schemeID", SIREN_SCHEME);
            w.writeCharacters(siren);
            w.writeEndElement();
        }
        w.writeStartElement(CAC, "PartyName");
        cbc(w, "Name", name);
        w.writeEndElement();
        w.writeStartElement(CAC, "PartyLegalEntity");
        cbc(w, "RegistrationName", name);
        if (siren != null) {
            w.writeStartElement(CBC, "CompanyID");
            w.writeAttribute("schemeID", SIREN_SCHEME);
            w.writeCharacters(siren);
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void taxCategory(XMLStreamWriter w, String element, boolean withReason) throws XMLStreamException {
        w.writeStartElement(CAC, element);
        cbc(w, "ID", "O");
        if (withReason) {
            cbc(w, "TaxExemptionReasonCode", "VATEX-EU-O");
            cbc(w, "TaxExemptionReason", "Contribution de service public hors champ de la TVA");
        }
        w.writeStartElement(CAC, "TaxScheme");
        cbc(w, "ID", "VAT");
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void amount(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(CBC, element);
        w.writeAttribute("currencyID", "EUR");
        w.writeCharacters(new BigDecimal(value).setScale(2).toPlainString());
        w.writeEndElement();
    }

    private static void cbc(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(CBC, element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
