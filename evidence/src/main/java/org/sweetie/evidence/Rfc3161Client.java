package org.sweetie.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * Asks a configured timestamp authority (RFC 3161 over HTTP) for a token and checks the answer before keeping it:
 * status, nonce, imprint and signature. The URL is the operator's configuration; nothing a chat partner sends ever
 * reaches it.
 */
public final class Rfc3161Client implements TimestampAuthority {
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SecureRandom random = new SecureRandom();

    public Rfc3161Client(URI url) {
        this.url = url;
    }

    @Override
    public byte[] timestamp(byte[] data) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, TreeHash.sha256(data),
                new BigInteger(64, random));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("timestamp authority " + url + " answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException("timestamp authority " + url + " granted no token: "
                        + response.getStatusString());
            }
            byte[] token = response.getTimeStampToken().getEncoded();
            TimestampTokens.check(token, data);
            return token;
        } catch (IOException | TSPException | TimestampTokens.InvalidTokenException e) {
            throw new IllegalStateException("timestamp from " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + url + " for a timestamp", e);
        }
    }
}
