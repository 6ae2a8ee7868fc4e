package com.peptalk.gateway.admin;

import com.peptalk.gateway.identity.Caller;
import com.peptalk.gateway.identity.GatewayCredentials;
import com.peptalk.gateway.identity.RelayTokens;
import com.peptalk.gateway.requestid.RequestIdFilter;
import com.peptalk.gateway.routing.RouteMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Admin sign-in on Spring Security for WebFlux: three filter chains, tried in order, each for what it names; every
 * other request (the routes the services authenticate, the gateway's own 404s) passes no chain at all.
 * <ol>
 * <li>The sign-in and sign-out forms ({@code /admin/login}, {@code /admin/logout}, {@link AdminLogin}): the
 * session repository, Spring Security's CSRF check, the API-key sign-in, logout.</li>
 * <li>Routes whose metadata says {@code authentication: admin} and {@code admin-pages: true}: a header credential
 * (resource server: {@link AdminCredentials}, {@link AdminAuthenticationManager}) or the session
 * ({@link AdminSessions}), the CSRF check for writes made with the session cookie; a browser without a session gets
 * the sign-in page.</li>
 * <li>Other routes with {@code authentication: admin} (the admin APIs): a header credential only, stateless.</li>
 * </ol>
 * The route is found as the gateway's handler mapping will find it ({@link RouteLocator}), so route metadata, not
 * a second list of paths, decides who must be an admin. Every admin must hold {@code jwt.required-authority}
 * (403 otherwise); an admitted admin becomes the exchange's {@link Caller}, which the rate limit counts and the
 * forwarded request carries as the relayed identity. Spring Security's own headers, request cache and sessions are
 * off: the gateway writes its security headers itself, and nothing is stored.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);

    private static final String ROUTE = AdminSecurity.class.getName() + ".route";

    @Bean
    @Order(1)
    SecurityWebFilterChain adminSignIn(ServerHttpSecurity http, AdminLogin login, AdminSessions sessions,
            SameOriginRequests sameOrigin, AdminRefusals refusals) {
        SecurityContextServerLogoutHandler endSession = new SecurityContextServerLogoutHandler();
        endSession.setSecurityContextRepository(sessions);
        return common(http)
                .securityMatcher(paths(AdminPages.LOGIN, AdminPages.LOGOUT))
                .securityContextRepository(sessions)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .requireCsrfProtectionMatcher(sameOrigin.signInFormsNeedingAToken())
                        .accessDeniedHandler(refusals.crossSite(true)))
                .addFilterBefore(login.signInAttempts(), SecurityWebFiltersOrder.FORM_LOGIN)
                .addFilterAt(login.signIn(), SecurityWebFiltersOrder.FORM_LOGIN)
                .logout(logout -> logout.logoutUrl(AdminPages.LOGOUT).logoutHandler(endSession)
                        .logoutSuccessHandler(login.signedOut()))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain adminPages(ServerHttpSecurity http, RouteLocator routes, AdminSessions sessions,
            AdminAuthenticationManager authentication, SameOriginRequests sameOrigin, AdminRefusals refusals,
            AdminProperties admin) {
        return admins(http, authentication, refusals, admin, true)
                .securityMatcher(routes(routes, RouteMetadata::hasAdminPages))
                .securityContextRepository(sessions)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .requireCsrfProtectionMatcher(sameOrigin.pageWritesNeedingAToken())
                        .accessDeniedHandler(refusals.crossSite(false)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityWebFilterChain adminApis(ServerHttpSecurity http, RouteLocator routes,
            AdminAuthenticationManager authentication, AdminRefusals refusals, AdminProperties admin) {
        return admins(http, authentication, refusals, admin, false)
                .securityMatcher(routes(routes, RouteMetadata::isAdmin))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    /**
     * No second request firewall in front of the chains. The gateway's edge refuses malformed requests before
     * them, as problem documents (edge.RequestShape, edge.RequestTargets, routing.PathGuard); Spring Security's
     * strict firewall answered what it refuses besides ({@code //}, {@code %25} in a path) with a bare 400, and
     * checked header values only when something read them, halfway through routing: a C1 control character in a
     * header became a 504 (RequestFirewallTests). Its purpose, that security rules and the application read a
     * path alike, holds here by construction: the chains find the route by the same lookup as the routing.
     */
    @Bean
    ServerWebExchangeFirewall noSecondRequestFirewall() {
        return ServerWebExchangeFirewall.INSECURE_NOOP;
    }

    /** What both admin route chains share: the bearer credential, the admin authority, the refusals, the caller. */
    private static ServerHttpSecurity admins(ServerHttpSecurity http, AdminAuthenticationManager authentication,
            AdminRefusals refusals, AdminProperties admin, boolean pages) {
        ReactiveAuthenticationManagerResolver<ServerWebExchange> manager = exchange -> Mono.just(authentication);
        ServerAuthenticationEntryPointFailureHandler failure =
                new ServerAuthenticationEntryPointFailureHandler(refusals.challenge(pages));
        failure.setRethrowAuthenticationServiceException(false); // the issuer out of reach: a 503 problem
        return common(http)
                .oauth2ResourceServer(bearer -> bearer.bearerTokenConverter(new AdminCredentials())
                        .authenticationManagerResolver(manager)
                        .authenticationFailureHandler(failure)
                        .authenticationEntryPoint(refusals.challenge(pages))
                        .accessDeniedHandler(refusals.lacksAuthority()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals.challenge(pages))
                        .accessDeniedHandler(refusals.lacksAuthority()))
                .authorizeExchange(exchanges -> exchanges.anyExchange().hasAuthority(admin.jwt().requiredAuthority()))
                .addFilterAt(admitted(admin), SecurityWebFiltersOrder.LAST);
    }

    private static ServerHttpSecurity common(ServerHttpSecurity http) {
        return http.headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable);
    }

    /** The admin the chain authenticated becomes the exchange's caller, relayed to the service with its scope. */
    private static WebFilter admitted(AdminProperties admin) {
        List<String> scopes = List.of(admin.jwt().requiredAuthority());
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .doOnNext(authentication -> {
                    log.debug("admin {} admitted for {} {} (request id {})", authentication.getName(),
                            exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                            RequestIdFilter.requestIdOf(exchange));
                    new Caller(authentication.getName(), RelayTokens.KIND_ADMIN, scopes).setOn(exchange);
                })
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    /**
     * Spring Security's CSRF tokens in a cookie (the double-submit pattern), so that, like the session, they need
     * no server-side state; {@code HttpOnly}, {@code SameSite=Strict}, the whole site.
     */
    private static CookieServerCsrfTokenRepository csrfTokens() {
        CookieServerCsrfTokenRepository tokens = new CookieServerCsrfTokenRepository();
        tokens.setCookieName(GatewayCredentials.CSRF_COOKIE);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    /**
     * The requests for these paths, matched as {@link ServerWebExchangeMatchers#pathMatchers} matches them (path
     * patterns on the path within the application). Not that matcher itself: it logs each try at debug level with a
     * {@code LogMessage}, and commons-logging 1.3's SLF4J bridge renders the message before it asks whether debug
     * is on, a {@code String.format} per chain per request, about 1 % of the gateway's CPU per routed request
     * ({@code ./run bench gateway}, JFR).
     */
    private static ServerWebExchangeMatcher paths(String... paths) {
        List<PathPattern> patterns = Arrays.stream(paths).map(PathPatternParser.defaultInstance::parse).toList();
        return exchange -> {
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            return patterns.stream().anyMatch(pattern -> pattern.matches(path))
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** The requests whose route's metadata passes {@code test}, the route found once per exchange. */
    private static ServerWebExchangeMatcher routes(RouteLocator routes, Predicate<Map<String, Object>> test) {
        return exchange -> routeOf(routes, exchange).filter(route -> test.test(route.getMetadata()))
                .flatMap(route -> ServerWebExchangeMatcher.MatchResult.match())
                .switchIfEmpty(ServerWebExchangeMatcher.MatchResult.notMatch());
    }

    private static Mono<Route> routeOf(RouteLocator routes, ServerWebExchange exchange) {
        Mono<Route> route = exchange.getAttribute(ROUTE);
        if (route == null) {
            route = routes.getRoutes()
                    .concatMap(candidate -> Mono.from(candidate.getPredicate().apply(exchange))
                            .filter(Boolean::booleanValue).map(matches -> candidate))
                    .next().cache();
            exchange.getAttributes().put(ROUTE, route);
        }
        return route;
    }
}
