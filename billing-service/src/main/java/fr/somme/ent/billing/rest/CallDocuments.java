package fr.somme.ent.billing.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import fr.somme.ent.billing.domain.CallStatus;
import fr.somme.ent.billing.rest.CallDtos.CallView;
import fr.somme.ent.commons.rules.Rejection;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The printable call and credit note: one Qute template (well-formed XHTML), served as HTML and turned into PDF by
 * openhtmltopdf (PDFBox). The PDF embeds PDFBox's own Liberation Sans (French accents, €, −); it loads nothing from
 * outside (every external resource is refused).
 */
@ApplicationScoped
public class CallDocuments {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String FONT_FAMILY = "Liberation Sans";

    private final Template template;
    private final String seller;

    public CallDocuments(@Location("call-document.html") Template template,
            @ConfigProperty(name = "ent.billing.seller.name", defaultValue = "Syndicat mixte Somme Numérique") String seller) {
        this.template = template;
        this.seller = seller;
    }

    /** The printable call (or draft) with every figure of its derivation. */
    public String callHtml(CallView call) {
        return template.data("doc", CallDocument.call(call, seller)).render();
    }

    /** The credit note of a cancelled call; a call that was not cancelled has none (409 credit-note-missing). */
    public String creditNoteHtml(CallView call) {
        if (call.status() != CallStatus.CANCELLED || call.creditNoteNumber() == null) {
            throw Rejection.conflict("credit-note-missing", "only a cancelled call has a credit note");
        }
        return template.data("doc", CallDocument.creditNote(call, seller)).render();
    }

    /** The document as PDF (A4). */
    public byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (int weight : new int[] { 400, 700 }) {
                builder.useFont(CallDocuments::font, FONT_FAMILY, weight, FontStyle.NORMAL, true);
            }
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new IllegalStateException("PDF rendering", e);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        return CallDocuments.class.getResourceAsStream(FONT);
    }
}
