package fr.somme.ent.billing.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text a reader finds in a PDF: PDFBox's text extraction, and poppler's {@code pdftotext} too when the machine has
 * it. No-break spaces are read as spaces.
 */
final class PdfText {

    private PdfText() {
    }

    /** The texts of the PDF, one per extractor available (PDFBox always, pdftotext when installed). */
    static List<String> of(byte[] pdf) throws Exception {
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII), "a PDF file");
        List<String> texts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 1);
            texts.add(normalise(new PDFTextStripper().getText(doc)));
        }
        pdftotext(pdf).ifPresent(t -> texts.add(normalise(t)));
        return texts;
    }

    private static java.util.Optional<String> pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path tool = Path.of("/usr/bin/pdftotext");
        if (!Files.isExecutable(tool)) {
            return java.util.Optional.empty();
        }
        Path in = Files.createTempFile("call", ".pdf");
        Path out = Files.createTempFile("call", ".txt");
        try {
            Files.write(in, pdf);
            Process p = new ProcessBuilder(tool.toString(), "-enc", "UTF-8", in.toString(), out.toString())
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdftotext ends");
            assertEquals(0, p.exitValue(), "pdftotext opens the PDF");
            return java.util.Optional.of(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
