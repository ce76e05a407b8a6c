package fr.somme.ent.billing.rest;

import java.io.StringReader;

import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;

import com.helger.ubl21.CUBL21;
import com.helger.ubl21.UBL21Marshaller;
import com.helger.xml.schema.XMLSchemaCache;

/**
 * The OASIS UBL 2.1 schemas (Invoice, CreditNote) as shipped by the maintained library ph-ubl21 (with the XSDs they
 * import, resolved from its class path), for validating what billing produces.
 */
final class UblSchema {

    private UblSchema() {
    }

    private static XMLSchemaCache cache() {
        return XMLSchemaCache.getInstanceOfClassLoader(CUBL21.getCL());
    }

    static Schema invoice() {
        return cache().getSchema(UBL21Marshaller.getAllInvoiceXSDs());
    }

    static Schema creditNote() {
        return cache().getSchema(UBL21Marshaller.getAllCreditNoteXSDs());
    }

    /** Throws with the first violation when the document is not a valid UBL 2.1 Invoice. */
    static void assertValidInvoice(String xml) throws Exception {
        invoice().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    /** Throws with the first violation when the document is not a valid UBL 2.1 CreditNote. */
    static void assertValidCreditNote(String xml) throws Exception {
        creditNote().newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
