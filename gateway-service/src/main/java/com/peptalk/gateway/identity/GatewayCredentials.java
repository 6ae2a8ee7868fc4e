package com.peptalk.gateway.identity;

import org.springframework.http.HttpHeaders;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The credentials a caller presents to the gateway itself, which never go on to a service: the admin API key
 * header (on admin routes), the admin session cookie and the sign-in forms' CSRF cookie (on every route).
 * ({@code Authorization} on admin routes is replaced by the relayed identity; elsewhere it is the service's own
 * credential and goes on.)
 */
public final class GatewayCredentials {

    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String SESSION_COOKIE = "peptalk_admin_session";
    public static final String CSRF_COOKIE = "peptalk_admin_csrf";

    private static final Set<String> COOKIES = Set.of(SESSION_COOKIE, CSRF_COOKIE);

    /** Takes the gateway's cookies out of the {@code Cookie} header, leaving the others as they were. */
    public static void removeCookies(HttpHeaders headers) {
        List<String> cookies = headers.get(HttpHeaders.COOKIE);
        if (cookies == null) {
            return;
        }
        List<String> kept = cookies.stream()
                .map(line -> Arrays.stream(line.split(";")).map(String::strip)
                        .filter(pair -> !pair.isEmpty() && !COOKIES.contains(nameOf(pair)))
                        .collect(Collectors.joining("; ")))
                .filter(line -> !line.isEmpty()).toList();
        if (kept.isEmpty()) {
            headers.remove(HttpHeaders.COOKIE);
        }
        else {
            headers.put(HttpHeaders.COOKIE, kept);
        }
    }

    private static String nameOf(String cookiePair) {
        int equals = cookiePair.indexOf('=');
        return equals < 0 ? cookiePair : cookiePair.substring(0, equals);
    }

    private GatewayCredentials() {
    }
}
