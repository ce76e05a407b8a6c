package fr.somme.ent.billing.rest;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.billing.domain.BillingProfile;
import fr.somme.ent.billing.domain.CallKind;
import fr.somme.ent.billing.rest.CallDtos.CallView;
import fr.somme.ent.commons.ids.SchoolYear;

/**
 * What the UBL 2.1 Invoice and CreditNote of a call share: the parties (buyer identified by its SIRET, scheme 0009, as
 * Chorus Pro requires; its SIREN, scheme 0002, as legal entity), one line per component, no VAT (category "O", a
 * public-service contribution outside the scope of VAT), totals equal to the call's amount.
 */
final class UblWriter {

    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String SIREN_SCHEME = "0002";
    static final String SIRET_SCHEME = "0009";

    /** One line of the document: a component of the call. */
    record Line(String name, String description, long quantity, String unitPrice, String amount) {
    }

    /** Writes the body of a document (everything inside its root element). */
    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private UblWriter() {
    }

    static String document(String namespace, String root, Body body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(namespace);
            w.setPrefix("cac", CAC);
            w.setPrefix("cbc", CBC);
            w.writeStartElement(namespace, root);
            w.writeDefaultNamespace(namespace);
            w.writeNamespace("cac", CAC);
            w.writeNamespace("cbc", CBC);
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("UBL " + root, e);
        }
    }

    static void period(XMLStreamWriter w, CallView call) throws XMLStreamException {
        SchoolYear year = SchoolYear.parse(call.schoolYear());
        w.writeStartElement(CAC, "InvoicePeriod");
        cbc(w, "StartDate", year.firstDay().toString());
        cbc(w, "EndDate", year.lastDay().toString());
        w.writeEndElement();
    }

    static void buyerReference(XMLStreamWriter w, BillingProfile profile) throws XMLStreamException {
        if (profile.serviceCode() != null) {
            cbc(w, "BuyerReference", profile.serviceCode());
        }
    }

    /** The Chorus Pro engagement number (EN 16931 BT-13, purchase order reference). */
    static void orderReference(XMLStreamWriter w, BillingProfile profile) throws XMLStreamException {
        if (profile.engagementNumber() != null) {
            w.writeStartElement(CAC, "OrderReference");
            cbc(w, "ID", profile.engagementNumber());
            w.writeEndElement();
        }
    }

    static void parties(XMLStreamWriter w, String sellerName, String sellerSiren, CallView call, BillingProfile buyer)
            throws XMLStreamException {
        w.writeStartElement(CAC, "AccountingSupplierParty");
        w.writeStartElement(CAC, "Party");
        if (sellerSiren != null) {
            identifier(w, "EndpointID", SIREN_SCHEME, sellerSiren);
        }
        legalEntity(w, sellerName, sellerSiren);
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement(CAC, "AccountingCustomerParty");
        w.writeStartElement(CAC, "Party");
        identifier(w, "EndpointID", SIRET_SCHEME, buyer.siret());
        w.writeStartElement(CAC, "PartyIdentification");
        identifier(w, "ID", SIRET_SCHEME, buyer.siret());
        w.writeEndElement();
        legalEntity(w, call.memberName() == null ? "SIREN " + call.memberId() : call.memberName(), call.memberId());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void legalEntity(XMLStreamWriter w, String name, String siren) throws XMLStreamException {
        w.writeStartElement(CAC, "PartyName");
        cbc(w, "Name", name);
        w.writeEndElement();
        w.writeStartElement(CAC, "PartyLegalEntity");
        cbc(w, "RegistrationName", name);
        if (siren != null) {
            identifier(w, "CompanyID", SIREN_SCHEME, siren);
        }
        w.writeEndElement();
    }

    /** No VAT (category "O"): tax 0.00, every total equal to the call's amount. */
    static void totals(XMLStreamWriter w, String amount) throws XMLStreamException {
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

    /** InvoiceLine/InvoicedQuantity or CreditNoteLine/CreditedQuantity. */
    static void lines(XMLStreamWriter w, String lineElement, String quantityElement, CallView call)
            throws XMLStreamException {
        int n = 1;
        for (Line l : lines(call)) {
            w.writeStartElement(CAC, lineElement);
            cbc(w, "ID", String.valueOf(n++));
            w.writeStartElement(CBC, quantityElement);
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

    static List<Line> lines(CallView call) {
        JsonNode d = call.derivation();
        List<Line> lines = new ArrayList<>();
        if (call.kind() == CallKind.ECOLES_PRO_RATA) {
            lines.add(new Line("Contribution ENT écoles " + call.schoolYear(),
                    "Charges des écoles " + d.path("ecolesPool").asText(d.path("netCharges").asText()) + " EUR x "
                            + d.path("students").asText() + " élèves / " + d.path("totalStudents").asText()
                            + " élèves (part exacte " + d.path("exactShare").asText() + ", arrondi "
                            + d.path("roundingAdjustment").asText() + ")",
                    1, call.amount(), call.amount()));
        } else {
            for (JsonNode l : d.path("lines")) {
                lines.add(new Line(l.path("label").asText(), l.path("component").asText() + " (" + l.path("source").asText() + ")",
                        l.path("quantity").asLong(), l.path("unitPrice").asText(), l.path("amount").asText()));
            }
        }
        return lines;
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

    private static void identifier(XMLStreamWriter w, String element, String scheme, String value) throws XMLStreamException {
        w.writeStartElement(CBC, element);
        w.writeAttribute("schemeID", scheme);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    static void amount(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(CBC, element);
        w.writeAttribute("currencyID", "EUR");
        w.writeCharacters(new BigDecimal(value).setScale(2).toPlainString());
        w.writeEndElement();
    }

    static void cbc(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(CBC, element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
