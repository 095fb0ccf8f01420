package org.sweetie.evidence;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks RFC 3161 timestamp tokens offline: the token's imprint is the SHA-256 of the data, and its signature
 * verifies with the certificate the token carries. Whether that certificate belongs to a trusted timestamp authority
 * is for the recipient to judge; the report names it.
 */
public final class TimestampTokens {
    private TimestampTokens() {
    }

    /** What a valid token says: when, and who said it. */
    public record Stamp(Instant time, String authority, String serial) {
    }

    /** Thrown when a token does not hold; the message says why. */
    public static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    public static Stamp check(byte[] token, byte[] data) throws InvalidTokenException {
        TimeStampToken parsed;
        try {
            parsed = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new InvalidTokenException("not an RFC 3161 timestamp token: " + e.getMessage());
        }
        var info = parsed.getTimeStampInfo();
        if (!info.getMessageImprintAlgOID().equals(TSPAlgorithms.SHA256)) {
            throw new InvalidTokenException("the token's imprint is not SHA-256");
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), TreeHash.sha256(data))) {
            throw new InvalidTokenException("the token is over other data (its imprint does not match)");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certificates = parsed.getCertificates().getMatches(parsed.getSID());
        if (certificates.isEmpty()) {
            throw new InvalidTokenException("the token carries no certificate of its signer");
        }
        X509CertificateHolder certificate = certificates.iterator().next();
        try {
            SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(certificate);
            parsed.validate(verifier);
        } catch (TSPException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new InvalidTokenException("the token's signature does not verify: " + e.getMessage());
        }
        return new Stamp(info.getGenTime().toInstant(), certificate.getSubject().toString(),
                info.getSerialNumber().toString());
    }
}
