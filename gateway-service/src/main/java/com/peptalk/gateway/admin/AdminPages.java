package com.peptalk.gateway.admin;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The few pages the gateway serves itself to admins' browsers: sign in (also the answer to an admin page opened
 * without a session), signed in, sign out, and refusals. Plain HTML, no script, nothing cached, nothing from
 * elsewhere; whatever the caller sent is escaped.
 */
final class AdminPages {

    static final String LOGIN = "/admin/login";
    static final String LOGOUT = "/admin/logout";

    /** Where to go after signing in when the caller named no admin page. */
    static final String HOME = "/admin";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'";

    /** An admin page path, and query, of this gateway: never another host, never the login page itself. */
    private static final Pattern ADMIN_PAGE = Pattern.compile(
            "/(admin|heartbeats)(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?");

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;"
            + "padding:0 1rem;line-height:1.5}label,input,button{display:block;font:inherit}"
            + "input{width:100%;box-sizing:border-box;margin:.25rem 0 1rem;padding:.4rem}button{padding:.4rem 1rem}"
            + ".notice{padding:.5rem .75rem;border-left:4px solid #b00;background:#fdf2f2}";

    /**
     * The sign-in form; {@code notice} (may be null) says why it is shown again; {@code csrf}: Spring Security's
     * CSRF token, for a browser that does not say where its requests come from ({@link SameOriginRequests}).
     */
    static String login(String next, String notice, Optional<CsrfToken> csrf) {
        return page("Sign in", (notice != null ? "<p class=\"notice\" role=\"alert\">" + escape(notice) + "</p>\n" : "")
                + "<p>Admin pages need an admin API key. Paste yours to sign in on this browser.</p>\n"
                + "<form method=\"post\" action=\"" + LOGIN + "\">\n"
                + "<input type=\"hidden\" name=\"next\" value=\"" + escape(safeNext(next)) + "\">\n"
                + hidden(csrf)
                + "<label for=\"api-key\">Admin API key</label>\n"
                + "<input id=\"api-key\" name=\"apiKey\" type=\"password\" autocomplete=\"current-password\" "
                + "required autofocus>\n"
                + "<button type=\"submit\">Sign in</button>\n</form>");
    }

    static String signedIn(String subject, String next, Optional<CsrfToken> csrf) {
        return page("Signed in", "<p>Signed in as <code>" + escape(subject) + "</code>.</p>\n"
                + "<p><a href=\"" + escape(safeNext(next)) + "\">Continue</a></p>\n" + signOutForm(csrf));
    }

    static String signOut(Optional<CsrfToken> csrf) {
        return page("Sign out", "<p>Sign out of the admin pages on this browser.</p>\n" + signOutForm(csrf));
    }

    static String crossSiteRefused() {
        return page("Request refused", "<p>This form was sent from another site, or the browser did not say "
                + "where from, so it was refused. Open the admin page again and send it from there.</p>");
    }

    static String tooManyAttempts(long retryAfterSeconds) {
        return page("Too many attempts", "<p class=\"notice\" role=\"alert\">Too many sign-in attempts from here. "
                + "Try again in " + retryAfterSeconds + " s.</p>\n<p><a href=\"" + LOGIN + "\">Sign in</a></p>");
    }

    /** {@code next} if it is an admin page of this gateway (so no open redirect), else the admin home. */
    static String safeNext(String next) {
        if (next == null || !ADMIN_PAGE.matcher(next).matches() || next.startsWith(LOGIN) || next.startsWith(LOGOUT)) {
            return HOME;
        }
        return next;
    }

    static Mono<ServerResponse> respond(HttpStatus status, String html, Consumer<HttpHeaders> headers) {
        return ServerResponse.status(status).headers(AdminPages::pageHeaders).headers(headers)
                .contentType(HTML).bodyValue(html.getBytes(StandardCharsets.UTF_8));
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String html, Consumer<HttpHeaders> headers) {
        exchange.getResponse().setStatusCode(status);
        HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
        pageHeaders(responseHeaders);
        responseHeaders.setContentType(HTML);
        headers.accept(responseHeaders);
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(body));
    }

    private static void pageHeaders(HttpHeaders headers) {
        headers.setCacheControl("no-store");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /**
     * The CSRF token of this exchange, if Spring Security's CSRF filter offers one (it then sets its cookie,
     * {@code peptalk_admin_csrf}, on the answer).
     */
    static Mono<Optional<CsrfToken>> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.just(Optional.empty()) : token.map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static String hidden(Optional<CsrfToken> csrf) {
        return csrf.map(token -> "<input type=\"hidden\" name=\"" + escape(token.getParameterName()) + "\" value=\""
                + escape(token.getToken()) + "\">\n").orElse("");
    }

    private static String signOutForm(Optional<CsrfToken> csrf) {
        return "<form method=\"post\" action=\"" + LOGOUT + "\">" + hidden(csrf)
                + "<button type=\"submit\">Sign out</button></form>";
    }

    private static String page(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · Peptalk admin</title>\n<style>" + STYLE + "</style>\n</head>\n"
                + "<body>\n<main>\n<h1>" + escape(title) + "</h1>\n" + main + "\n</main>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private AdminPages() {
    }
}
