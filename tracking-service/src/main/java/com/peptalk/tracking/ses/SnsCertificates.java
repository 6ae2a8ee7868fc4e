package com.peptalk.tracking.ses;

import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The certificates SNS signs with, by their {@code SigningCertURL}: pinned ones from configuration, else fetched once
 * over HTTPS from an allowed host and path (AWS: "Verifying the signatures of Amazon SNS messages", step 2: never
 * trust a certificate from anywhere else) and cached, since the certificate at a URL never changes.
 */
@Component
class SnsCertificates {

    /** At most this many fetched certificates are kept (SNS uses one per region at a time). */
    static final int CACHE_LIMIT = 64;

    private final Map<String, X509Certificate> pinned;
    private final Map<String, X509Certificate> fetched = new ConcurrentHashMap<>();
    private final Pattern host;
    private final Pattern path;
    private final SesProperties properties;
    private final HttpClient http;

    SnsCertificates(SesProperties properties, SnsHttp http) {
        this.properties = properties;
        this.http = http.client();
        this.host = Pattern.compile(properties.certificateHost());
        this.path = Pattern.compile(properties.certificatePath());
        Map<String, X509Certificate> pins = new LinkedHashMap<>();
        for (int i = 0; i < properties.pinnedCertificates().size(); i++) {
            SesProperties.PinnedCertificate pin = properties.pinnedCertificates().get(i);
            String setting = "peptalk.tracking.ses.pinned-certificates[" + i + "].pem";
            pins.put(pin.url(), parse(pin.pem()).orElseThrow(() -> new IllegalArgumentException(
                    setting + " is not an X.509 certificate in PEM form")));
        }
        this.pinned = Map.copyOf(pins);
    }

    /** The certificate for {@code url}, or why there is none (in words for the log; it never fetches a refused URL). */
    Result certificate(String url) {
        X509Certificate pin = pinned.get(url);
        if (pin != null) {
            return new Result(pin, null);
        }
        String refusal = refusal(url);
        if (refusal != null) {
            return new Result(null, refusal);
        }
        X509Certificate cached = fetched.get(url);
        if (cached != null) {
            return new Result(cached, null);
        }
        Optional<X509Certificate> certificate = fetch(url);
        if (certificate.isEmpty()) {
            return new Result(null, "the signing certificate could not be fetched");
        }
        if (fetched.size() >= CACHE_LIMIT) {
            fetched.clear();
        }
        fetched.put(url, certificate.get());
        return new Result(certificate.get(), null);
    }

    /** Why a URL on SNS's side (a SigningCertURL, a SubscribeURL) is not one to call, or {@code null} when it is. */
    String refusal(String url) {
        return refusal(url, true);
    }

    /** As {@link #refusal(String)}, for a SubscribeURL: the host is checked, the path is SNS's API, not a file. */
    String subscribeUrlRefusal(String url) {
        return refusal(url, false);
    }

    private String refusal(String url, boolean certificate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "the URL is not a URL";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return "the URL is not https";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || !host.matcher(uri.getHost()).matches()) {
            return "the URL's host is not an SNS host";
        }
        if (certificate && (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getPath() == null
                || !path.matcher(uri.getPath()).matches())) {
            return "the URL's path is not an SNS signing certificate";
        }
        return null;
    }

    private Optional<X509Certificate> fetch(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(properties.fetchTimeout()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? parse(new String(response.body(), StandardCharsets.US_ASCII)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<X509Certificate> parse(String pem) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** A certificate, or the reason there is none. */
    record Result(X509Certificate certificate, String refusal) {
    }
}
