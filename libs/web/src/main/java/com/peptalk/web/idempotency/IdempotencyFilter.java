package com.peptalk.web.idempotency;

import com.peptalk.web.edge.EdgeError;
import com.peptalk.web.edge.PayloadTooLargeException;
import com.peptalk.web.edge.WebEdgeProperties;
import com.peptalk.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * {@code Idempotency-Key} on every creating {@code POST} of a JSON API (IETF draft-ietf-httpapi-idempotency-key-header,
 * as Stripe implements it): the first request with a key runs and its answer (2xx/3xx: status, {@code Content-Type},
 * {@code Location}, body) is stored for {@link IdempotencyProperties#retention()}; a retry with the same key and the
 * same request gets that answer again with {@code Idempotent-Replayed: true}; the same key with another request
 * (method, path or body) gets 422; a retry while the first is still running gets 409 with {@code Retry-After}. A
 * failed first request (4xx/5xx) keeps nothing, so a retry is judged afresh. Keys are scoped per caller (the
 * authenticated subject), method and path. A key is 1 to 255 visible ASCII characters. Page routes (HTML forms)
 * are not covered.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The request header (the draft's name). */
    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed answer. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private final WebEdgeProperties edge;
    private final Clock clock;

    IdempotencyFilter(IdempotencyKeys keys, IdempotencyProperties properties, WebEdgeProperties edge, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.edge = edge;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || edge.isPage(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!validKey(key)) {
            EdgeError.field(ProblemType.VALIDATION, HEADER, "must be 1 to 255 visible ASCII characters")
                    .send(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        }
        catch (PayloadTooLargeException ex) {
            new EdgeError(ProblemType.TOO_LARGE, "the body is larger than this service accepts").send(request, response);
            return;
        }
        String scope = scope(request);
        byte[] hash = hash(request, body);
        if (!keys.claim(scope, key, hash, clock.instant().plus(properties.retention()))) {
            answerFromStore(scope, key, hash, request, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            int status = recorded.getStatus();
            if (status < 400) {
                keys.complete(scope, key, status, recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                        recorded.getContentAsByteArray(), carriesSecret(request));
                completed = true;
            }
        }
        finally {
            if (!completed) {
                keys.release(scope, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerFromStore(String scope, String key, byte[] hash, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        IdempotencyKeys.Stored stored = keys.find(scope, key).orElse(null);
        if (stored == null || stored.status() == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            new EdgeError(ProblemType.IDEMPOTENCY_KEY_IN_USE, "a request with this Idempotency-Key is still being "
                    + "processed; retry later").send(request, response);
            return;
        }
        if (!stored.sameRequest(hash)) {
            new EdgeError(ProblemType.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used for another request; "
                    + "use a new key for a new request").send(request, response);
            return;
        }
        if (stored.bodyWithheld()) {
            if (stored.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            new EdgeError(ProblemType.CONFLICT, "the request with this Idempotency-Key was processed already; its "
                    + "answer carried a secret, which is not kept: read the resource instead")
                    .send(request, response);
            return;
        }
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.setContentLength(stored.body().length);
            response.getOutputStream().write(stored.body());
        }
    }

    private static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > 255) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Keys belong to a caller: the subject of the identity the gateway relays (none on public paths). */
    private static String scope(HttpServletRequest request) {
        String subject = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        return subject + " POST " + request.getRequestURI();
    }

    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(request.getQueryString()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(request.getContentType()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(body);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean carriesSecret(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && (handler.hasMethodAnnotation(CarriesSecret.class)
                        || handler.getBeanType().isAnnotationPresent(CarriesSecret.class));
    }

    /** The request with its body read once, served again from memory to whatever reads it next. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
