package fr.somme.ent.billing.rest;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.ls.LSInput;

/** The UBL 2.1 Invoice schema bundled in test resources (see ubl21/README.md), for validating what billing produces. */
final class UblSchema {

    private static final Map<String, String> BY_NAMESPACE = Map.of(
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2", "CCTS_CCT_SchemaModule.xsd",
            "http://www.w3.org/2000/09/xmldsig#", "xmldsig-core-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "XAdES01903v132-201601.xsd",
            "http://uri.etsi.org/01903/v1.4.1#", "XAdES01903v141-201601.xsd");

    private static Schema schema;

    private UblSchema() {
    }

    static synchronized Schema invoice() throws Exception {
        if (schema == null) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                if (systemId == null && BY_NAMESPACE.containsKey(namespace)) {
                    URL url = UblSchema.class.getResource("/ubl21/external/" + BY_NAMESPACE.get(namespace));
                    return new Input(url.toExternalForm(), publicId);
                }
                return null;
            });
            schema = factory.newSchema(UblSchema.class.getResource("/ubl21/maindoc/UBL-Invoice-2.1.xsd"));
        }
        return schema;
    }

    /** Throws with the first violation when the document is not a valid UBL 2.1 Invoice. */
    static void assertValidInvoice(String xml) throws Exception {
        invoice().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private record Input(String systemId, String publicId) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() {
            try {
                return new URL(systemId).openStream();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
