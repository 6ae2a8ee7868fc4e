package com.peptalk.gateway.admin;

import com.peptalk.gateway.forwarded.TrustedProxies;
import com.peptalk.gateway.ratelimit.ClientKeys;
import com.peptalk.gateway.ratelimit.RateLimiter;
import com.peptalk.gateway.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

/**
 * The gateway's own sign-in for admin pages, on Spring Security: {@code GET /admin/login} shows a form for the
 * admin API key (or who is signed in), {@code POST /admin/login} is Spring Security's {@link AuthenticationWebFilter}
 * with the admin API keys, saving the session ({@link AdminSessions}) and sending the browser back to the page it
 * wanted ({@code next}, only ever an admin page of this gateway); {@code GET /admin/logout} offers, and
 * {@code POST /admin/logout} (Spring Security's logout) does, signing out. The pages are served before any route
 * (router functions come first), so token-service never sees these paths. The posts need Spring Security's CSRF
 * token unless the browser says they came from this site ({@link SameOriginRequests}), and sign-in attempts are
 * rate limited per client address (group {@code login}).
 */
@Configuration(proxyBeanMethods = false)
class AdminLogin {

    /** The rate limit group of sign-in attempts; must be configured (checked at start-up). */
    static final String RATE_LIMIT_GROUP = "login";

    private static final Logger log = LoggerFactory.getLogger(AdminLogin.class);

    private final ApiKeys apiKeys;
    private final AdminSessions sessions;
    private final AdminAuthenticationManager authentication;
    private final TrustedProxies proxies;
    private final RateLimiter rateLimiter;

    AdminLogin(ApiKeys apiKeys, AdminSessions sessions, AdminAuthenticationManager authentication,
            TrustedProxies proxies, RateLimiter rateLimiter) {
        if (!rateLimiter.hasGroup(RATE_LIMIT_GROUP)) {
            throw new IllegalStateException("peptalk.gateway.rate-limits.groups." + RATE_LIMIT_GROUP
                    + " must be configured: it limits sign-in attempts on " + AdminPages.LOGIN);
        }
        this.apiKeys = apiKeys;
        this.sessions = sessions;
        this.authentication = authentication;
        this.proxies = proxies;
        this.rateLimiter = rateLimiter;
    }

    @Bean
    RouterFunction<ServerResponse> adminLoginRoutes() {
        return RouterFunctions.route()
                .GET(AdminPages.LOGIN, this::loginPage)
                .GET(AdminPages.LOGOUT, request -> AdminPages.csrfToken(request.exchange()).flatMap(csrf ->
                        AdminPages.respond(HttpStatus.OK, AdminPages.signOut(csrf), headers -> {
                        })))
                .build();
    }

    private Mono<ServerResponse> loginPage(ServerRequest request) {
        String next = request.queryParam("next").orElse(null);
        return AdminPages.csrfToken(request.exchange()).flatMap(csrf -> request.principal()
                .flatMap(admin -> AdminPages.respond(HttpStatus.OK, AdminPages.signedIn(admin.getName(), next, csrf),
                        headers -> {
                        }))
                .switchIfEmpty(Mono.defer(() -> AdminPages.respond(HttpStatus.OK, AdminPages.login(next,
                        apiKeys.anyConfigured() ? null : "Signing in with an API key is not enabled on this gateway.",
                        csrf), headers -> {
                        }))));
    }

    /**
     * {@code POST /admin/login}: the form's {@code apiKey} checked by the admin authentication manager; right: the
     * session saved and {@code 303} to {@code next}; wrong: {@code 401} and the form again.
     */
    AuthenticationWebFilter signIn() {
        AuthenticationWebFilter signIn = new AuthenticationWebFilter(authentication);
        signIn.setRequiresAuthenticationMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, AdminPages.LOGIN));
        signIn.setServerAuthenticationConverter(exchange -> exchange.getFormData().map(form -> {
            String key = form.getFirst("apiKey");
            return UsernamePasswordAuthenticationToken.unauthenticated("api-key", key != null ? key.strip() : "");
        }));
        signIn.setSecurityContextRepository(sessions);
        signIn.setAuthenticationSuccessHandler(this::signedIn);
        signIn.setAuthenticationFailureHandler((webExchange, failure) -> notSignedIn(webExchange.getExchange()));
        return signIn;
    }

    /** Sign-in attempts per client address, before the key is even looked at: {@code 429} with {@code Retry-After}. */
    WebFilter signInAttempts() {
        return (exchange, chain) -> {
            if (exchange.getRequest().getMethod() != HttpMethod.POST
                    || !exchange.getRequest().getPath().value().equals(AdminPages.LOGIN)) {
                return chain.filter(exchange);
            }
            Duration wait = rateLimiter.acquire(RATE_LIMIT_GROUP,
                    ClientKeys.of(proxies.clientAddress(exchange.getRequest())));
            if (wait.isZero()) {
                return chain.filter(exchange);
            }
            long seconds = ClientKeys.retryAfterSeconds(wait);
            return AdminPages.write(exchange, HttpStatus.TOO_MANY_REQUESTS, AdminPages.tooManyAttempts(seconds),
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        };
    }

    /** After Spring Security's logout deleted the session: {@code 303} to the sign-in page. */
    ServerLogoutSuccessHandler signedOut() {
        return (webExchange, admin) -> seeOther(webExchange.getExchange(), AdminPages.LOGIN);
    }

    private Mono<Void> signedIn(WebFilterExchange webExchange, Authentication admin) {
        ServerWebExchange exchange = webExchange.getExchange();
        log.info("admin {} signed in on {} (request id {})", admin.getName(), AdminPages.LOGIN,
                RequestIdFilter.requestIdOf(exchange));
        return exchange.getFormData().flatMap(form -> seeOther(exchange, AdminPages.safeNext(form.getFirst("next"))));
    }

    private Mono<Void> notSignedIn(ServerWebExchange exchange) {
        log.debug("sign-in with a wrong key on {} (request id {})", AdminPages.LOGIN,
                RequestIdFilter.requestIdOf(exchange));
        return exchange.getFormData().zipWith(AdminPages.csrfToken(exchange)).flatMap(formAndCsrf -> AdminPages.write(
                exchange, HttpStatus.UNAUTHORIZED,
                AdminPages.login(formAndCsrf.getT1().getFirst("next"), "That key is not valid.", formAndCsrf.getT2()),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, AdminRefusals.REALM)));
    }

    private static Mono<Void> seeOther(ServerWebExchange exchange, String location) {
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create(location));
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return exchange.getResponse().setComplete();
    }
}
