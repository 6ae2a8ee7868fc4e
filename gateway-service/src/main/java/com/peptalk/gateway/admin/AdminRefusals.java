package com.peptalk.gateway.admin;

import com.peptalk.gateway.forwarded.TrustedProxies;
import com.peptalk.gateway.identity.GatewayCredentials;
import com.peptalk.gateway.problems.ProblemResponses;
import com.peptalk.gateway.problems.Problems;
import com.peptalk.gateway.requestid.RequestIdFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Consumer;

/**
 * How the admin filter chains answer a caller they refuse, as the rest of the gateway does: a problem document
 * (RFC 9457), or, to a browser opening an admin page, a page of the gateway's own ({@link AdminPages}).
 * <ul>
 * <li>401: no credential, or a wrong, expired or revoked one; {@code WWW-Authenticate: Bearer realm="peptalk-admin"}
 * (RFC 6750 §3), with {@code error="invalid_token"} when one was sent; a browser gets the sign-in page, which
 * returns to the page after signing in (and, for a session that ended, deletes its cookie);</li>
 * <li>403: a valid issuer token without the admin authority ({@code error="insufficient_scope"}); or a cross-site
 * write (Spring Security's CSRF check, {@link SameOriginRequests});</li>
 * <li>503: the issuer's configuration or keys out of reach ({@code service: identity-provider}).</li>
 * </ul>
 * Each refusal is counted ({@code gateway.admin.refused}, tag {@code reason}) and logged at DEBUG with the request
 * id, never with the credential.
 */
@Component
class AdminRefusals {

    static final String REALM = "Bearer realm=\"peptalk-admin\"";

    private static final Logger log = LoggerFactory.getLogger(AdminRefusals.class);

    private final ProblemResponses problems;
    private final ObjectProvider<MeterRegistry> meters;
    private final TrustedProxies proxies;
    private final AdminSessions sessions;
    private final String requiredAuthority;

    AdminRefusals(ProblemResponses problems, ObjectProvider<MeterRegistry> meters, TrustedProxies proxies,
            AdminSessions sessions, AdminProperties admin) {
        this.problems = problems;
        this.meters = meters;
        this.proxies = proxies;
        this.sessions = sessions;
        this.requiredAuthority = admin.jwt().requiredAuthority();
    }

    /** 401 (or 503), as a page on admin pages ({@code pages}) to a browser, else as a problem. */
    ServerAuthenticationEntryPoint challenge(boolean pages) {
        return (exchange, failure) -> {
            if (failure instanceof AuthenticationServiceException) {
                return refuse(exchange, "issuer-unavailable", Problems.serviceUnavailable("identity-provider"),
                        headers -> {
                        });
            }
            boolean staleSession = pages && exchange.getRequest().getCookies()
                    .getFirst(GatewayCredentials.SESSION_COOKIE) != null;
            boolean credentialGiven = !(failure instanceof AuthenticationCredentialsNotFoundException) || staleSession;
            String challenge = credentialGiven ? REALM + ", error=\"invalid_token\"" : REALM;
            if (pages && acceptsHtml(exchange.getRequest())) {
                count(exchange, credentialGiven ? "invalid" : "missing");
                return signInPage(exchange, challenge, staleSession);
            }
            return refuse(exchange, credentialGiven ? "invalid" : "missing", Problems.unauthorized(credentialGiven),
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
        };
    }

    /** 403: an issuer's admin token without the admin authority. */
    ServerAccessDeniedHandler lacksAuthority() {
        return (exchange, denied) -> refuse(exchange, "lacks-authority", Problems.forbidden(requiredAuthority),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\""));
    }

    /**
     * 403: a write that Spring Security's CSRF check refused; a page to a browser, or on the gateway's own forms
     * ({@code pagesOnly}), else a problem.
     */
    ServerAccessDeniedHandler crossSite(boolean pagesOnly) {
        return (exchange, denied) -> {
            if (pagesOnly || acceptsHtml(exchange.getRequest())) {
                count(exchange, "cross-site");
                return AdminPages.write(exchange, HttpStatus.FORBIDDEN, AdminPages.crossSiteRefused(), headers -> {
                });
            }
            return refuse(exchange, "cross-site", Problems.crossSiteRequest(), headers -> {
            });
        };
    }

    private Mono<Void> signInPage(ServerWebExchange exchange, String challenge, boolean staleSession) {
        if (staleSession) { // first, so that the browser's session cookie goes before a new CSRF one
            exchange.getResponse().addCookie(sessions.end(proxies.isHttps(exchange.getRequest())));
        }
        String query = exchange.getRequest().getURI().getRawQuery();
        String next = exchange.getRequest().getURI().getRawPath() + (query != null ? "?" + query : "");
        return AdminPages.csrfToken(exchange).flatMap(csrf -> AdminPages.write(exchange, HttpStatus.UNAUTHORIZED,
                AdminPages.login(next, staleSession ? "Your session has ended. Sign in again." : null, csrf),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge)));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String reason, ProblemDetail problem,
            Consumer<HttpHeaders> headers) {
        count(exchange, reason);
        return problems.write(exchange, problem, headers);
    }

    private void count(ServerWebExchange exchange, String reason) {
        log.debug("admin route refused ({}) for {} {} (request id {})", reason, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), RequestIdFilter.requestIdOf(exchange));
        meters.ifAvailable(registry -> registry.counter("gateway.admin.refused", "reason", reason).increment());
    }

    /** A browser navigating: it names {@code text/html} itself (a bare {@code *}{@code /*} is an API client). */
    static boolean acceptsHtml(ServerHttpRequest request) {
        try {
            List<MediaType> accepted = request.getHeaders().getAccept();
            return accepted.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html")
                    && type.getQualityValue() > 0);
        }
        catch (RuntimeException unreadable) {
            return false;
        }
    }
}
