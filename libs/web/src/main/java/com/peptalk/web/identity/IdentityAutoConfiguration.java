package com.peptalk.web.identity;

import com.peptalk.web.edge.EdgeError;
import com.peptalk.web.edge.WebEdgeAutoConfiguration;
import com.peptalk.web.problem.ProblemType;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Every servlet service checks who calls it (Spring Security's resource-server support): a request reaches a handler
 * only with the identity the gateway relays ({@link GatewayIdentityDecoder}), except on
 * {@link IdentityProperties#publicPaths()}, the error page and health/metrics. Without it: 401 problem (or page) with
 * {@code WWW-Authenticate: Bearer} (RFC 6750 §3). Stateless: no session, no CSRF token (the gateway checks the browser
 * session and its CSRF defence), no headers of Spring Security's own (the web edge sets them). The caller's subject
 * is the request's principal ({@code request.getUserPrincipal()}).
 */
@AutoConfiguration(after = WebEdgeAutoConfiguration.class, beforeName =
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(IdentityProperties.class)
@EnableWebSecurity
public class IdentityAutoConfiguration {

    @Bean
    JwtDecoder gatewayIdentityDecoder(IdentityProperties properties, Environment environment) {
        String audience = properties.audience() != null && !properties.audience().isBlank() ? properties.audience()
                : environment.getRequiredProperty("spring.application.name");
        return GatewayIdentityDecoder.of(properties, audience);
    }

    @Bean
    SecurityFilterChain gatewayIdentity(HttpSecurity http, IdentityProperties properties, JwtDecoder decoder)
            throws Exception {
        RequestMatcher open = open(properties);
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"peptalk\"");
            new EdgeError(ProblemType.UNAUTHORIZED, "this service answers only requests that the gateway relays "
                    + "with a valid identity").send(request, response);
        };
        AccessDeniedHandler forbidden = (request, response, ex) -> new EdgeError(ProblemType.FORBIDDEN,
                "the caller may not do this").send(request, response);
        http.csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(anonymous -> { })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(open).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder))
                        .bearerTokenResolver(bearerTokens(open))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /** Public paths, the error page and the actuator (health probes and scraping; never routed by the gateway). */
    private static RequestMatcher open(IdentityProperties properties) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String path : properties.publicPaths()) {
            matchers.add(PathPatternRequestMatcher.pathPattern(path));
        }
        matchers.add(PathPatternRequestMatcher.pathPattern("/error"));
        matchers.add(PathPatternRequestMatcher.pathPattern("/actuator/**"));
        return new OrRequestMatcher(matchers);
    }

    /**
     * Bearer tokens are read only where an identity is required: on a public path the {@code Authorization} header
     * belongs to that path's own scheme (a kiosk's token, say) and is not the gateway's to judge.
     */
    private static BearerTokenResolver bearerTokens(RequestMatcher open) {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> open.matches(request) ? null : resolver.resolve(request);
    }
}
