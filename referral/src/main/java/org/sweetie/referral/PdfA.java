package org.sweetie.referral;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a PDF a PDF/A-2b, beside embedded fonts and no transparency (which {@link DossierPdf} keeps to): the
 * version header, XMP metadata naming the part and conformance and agreeing with the document information, and an
 * sRGB output intent (the JDK's own sRGB profile).
 */
final class PdfA {
    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String TOOL = "Sweetie";

    private PdfA() {
    }

    static void mark(PDDocument document, String title, Sender sender, String subject) throws IOException {
        document.getDocument().setVersion(1.7f); // the header
        document.setVersion(1.7f); // and the catalog
        Calendar made = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        made.setTimeInMillis(sender.made().toEpochMilli() / 1000 * 1000); // the PDF date format has seconds
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(sender.organisation());
        info.setSubject(subject);
        info.setCreator(TOOL);
        info.setProducer(TOOL);
        info.setCreationDate(made);
        info.setModificationDate(made);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage("en");
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title, sender.organisation(), subject, made));
        catalog.setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static byte[] xmp(String title, String author, String subject, Calendar made) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
            pdfa.setPart(2);
            pdfa.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException("xmpbox refuses PDF/A-2B", e);
        }
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        dc.setDescription(subject);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(TOOL);
        basic.setCreateDate(made);
        basic.setModifyDate(made);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(TOOL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        return out.toByteArray();
    }
}
