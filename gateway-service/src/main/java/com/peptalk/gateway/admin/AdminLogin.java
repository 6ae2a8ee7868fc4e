package com.peptalk.gateway.admin;

import com.peptalk.gateway.forwarded.TrustedProxies;
import com.peptalk.gateway.ratelimit.ClientKeys;
import com.peptalk.gateway.ratelimit.RateLimiter;
import com.peptalk.gateway.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

/**
 * The gateway's own sign-in for admin pages: {@code GET /admin/login} shows a form for the admin API key,
 * {@code POST /admin/login} checks it and sets the session cookie, then sends the browser back to the page it
 * wanted ({@code next}, only ever an admin page of this gateway). {@code GET /admin/logout} offers, and
 * {@code POST /admin/logout} does, signing out. Served before any route (router functions come first), so
 * token-service never sees these paths. The posts are refused from other sites (login CSRF), and sign-in attempts
 * are rate limited per client address (group {@code login}).
 */
@Configuration(proxyBeanMethods = false)
class AdminLogin {

    /** The rate limit group of sign-in attempts; must be configured (checked at start-up). */
    static final String RATE_LIMIT_GROUP = "login";

    private static final Logger log = LoggerFactory.getLogger(AdminLogin.class);

    private final ApiKeys apiKeys;
    private final AdminSessions sessions;
    private final AdminAuthenticator authenticator;
    private final CrossSiteRequests crossSite;
    private final TrustedProxies proxies;
    private final RateLimiter rateLimiter;

    AdminLogin(ApiKeys apiKeys, AdminSessions sessions, AdminAuthenticator authenticator, CrossSiteRequests crossSite,
            TrustedProxies proxies, RateLimiter rateLimiter) {
        if (!rateLimiter.hasGroup(RATE_LIMIT_GROUP)) {
            throw new IllegalStateException("peptalk.gateway.rate-limits.groups." + RATE_LIMIT_GROUP
                    + " must be configured: it limits sign-in attempts on " + AdminPages.LOGIN);
        }
        this.apiKeys = apiKeys;
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.crossSite = crossSite;
        this.proxies = proxies;
        this.rateLimiter = rateLimiter;
    }

    @Bean
    RouterFunction<ServerResponse> adminLoginRoutes() {
        return RouterFunctions.route()
                .GET(AdminPages.LOGIN, this::loginPage)
                .POST(AdminPages.LOGIN, this::login)
                .GET(AdminPages.LOGOUT, request -> AdminPages.respond(HttpStatus.OK, AdminPages.signOut(), headers -> {
                }))
                .POST(AdminPages.LOGOUT, this::logout)
                .build();
    }

    private Mono<ServerResponse> loginPage(ServerRequest request) {
        String next = request.queryParam("next").orElse(null);
        HttpCookie session = request.cookies().getFirst(AdminSessions.COOKIE);
        if (session != null && authenticator.ofSession(session.getValue()) instanceof Verdict.Admitted admitted) {
            return AdminPages.respond(HttpStatus.OK, AdminPages.signedIn(admitted.subject(), next), headers -> {
            });
        }
        return AdminPages.respond(HttpStatus.OK, AdminPages.login(next,
                apiKeys.anyConfigured() ? null : "Signing in with an API key is not enabled on this gateway."),
                headers -> {
                });
    }

    private Mono<ServerResponse> login(ServerRequest request) {
        ServerHttpRequest http = request.exchange().getRequest();
        if (crossSite.isRefused(http)) {
            return AdminPages.respond(HttpStatus.FORBIDDEN, AdminPages.crossSiteRefused(), headers -> {
            });
        }
        Duration wait = rateLimiter.acquire(RATE_LIMIT_GROUP, ClientKeys.of(proxies.clientAddress(http)));
        if (!wait.isZero()) {
            long seconds = ClientKeys.retryAfterSeconds(wait);
            return AdminPages.respond(HttpStatus.TOO_MANY_REQUESTS, AdminPages.tooManyAttempts(seconds),
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        }
        return request.formData().flatMap(form -> signIn(request, form));
    }

    private Mono<ServerResponse> signIn(ServerRequest request, MultiValueMap<String, String> form) {
        String next = AdminPages.safeNext(form.getFirst("next"));
        String key = form.getFirst("apiKey");
        return apiKeys.subjectOf(key != null ? key.strip() : null).map(subject -> {
            log.info("admin {} signed in on {} (request id {})", subject, AdminPages.LOGIN,
                    RequestIdFilter.requestIdOf(request.exchange()));
            return ServerResponse.seeOther(URI.create(next))
                    .cookie(sessions.start(subject, proxies.isHttps(request.exchange().getRequest())))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }).orElseGet(() -> {
            log.debug("sign-in with a wrong key on {} (request id {})", AdminPages.LOGIN,
                    RequestIdFilter.requestIdOf(request.exchange()));
            return AdminPages.respond(HttpStatus.UNAUTHORIZED, AdminPages.login(next, "That key is not valid."),
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, AdminAuthenticationFilter.REALM));
        });
    }

    private Mono<ServerResponse> logout(ServerRequest request) {
        if (crossSite.isRefused(request.exchange().getRequest())) {
            return AdminPages.respond(HttpStatus.FORBIDDEN, AdminPages.crossSiteRefused(), headers -> {
            });
        }
        return ServerResponse.seeOther(URI.create(AdminPages.LOGIN))
                .cookie(sessions.end(proxies.isHttps(request.exchange().getRequest())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
