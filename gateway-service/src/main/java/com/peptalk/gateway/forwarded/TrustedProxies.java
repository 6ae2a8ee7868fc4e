package com.peptalk.gateway.forwarded;

import com.peptalk.gateway.GatewayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the client's address, scheme and host. {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} are anyone's to write, so they count only when the connection comes from one of
 * {@code peptalk.gateway.trusted-proxies}; otherwise a client could name any address and so escape its rate
 * limit, or pretend a plain-HTTP request was HTTPS.
 */
@Component
public class TrustedProxies {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    private final List<AddressRange> trusted;

    public TrustedProxies(GatewayProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(AddressRange::parse).toList();
    }

    /**
     * The client's address: walking {@code X-Forwarded-For} from the right (the hop nearest to us), the first
     * address that is not a trusted proxy. Entries left of it were written by the client and are ignored. A
     * malformed entry stops the walk at the proxy that passed it on. {@code null} when the connection has no
     * address (never on a real server).
     */
    public InetAddress clientAddress(ServerHttpRequest request) {
        InetAddress current = remoteAddress(request);
        if (current == null) {
            return null;
        }
        List<String> hops = forwardedFor(request.getHeaders());
        for (int i = hops.size() - 1; i >= 0 && isTrusted(current); i--) {
            InetAddress hop = parseHop(hops.get(i));
            if (hop == null) {
                break;
            }
            current = hop;
        }
        return current;
    }

    /** Whether the client used HTTPS: to us directly, or to a trusted proxy that says so. */
    public boolean isHttps(ServerHttpRequest request) {
        if ("https".equalsIgnoreCase(request.getURI().getScheme())) {
            return true;
        }
        String proto = fromTrustedProxy(request, FORWARDED_PROTO);
        return proto != null && proto.equalsIgnoreCase("https");
    }

    /**
     * The host (and port, if any) the client addressed, as in its {@code Host} header, or as a trusted proxy
     * reports it in {@code X-Forwarded-Host}; lower case. {@code null} if neither is known.
     */
    public String requestedHost(ServerHttpRequest request) {
        String host = fromTrustedProxy(request, FORWARDED_HOST);
        if (host == null) {
            host = request.getHeaders().getFirst(HttpHeaders.HOST);
        }
        if (host == null) {
            host = request.getURI().getRawAuthority();
        }
        return host == null || host.isBlank() ? null : host.strip().toLowerCase(Locale.ROOT);
    }

    boolean isTrusted(InetAddress address) {
        for (AddressRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The first value of a forwarded header, when the connection comes from a trusted proxy. */
    private String fromTrustedProxy(ServerHttpRequest request, String header) {
        InetAddress remote = remoteAddress(request);
        if (remote == null || !isTrusted(remote)) {
            return null;
        }
        String value = request.getHeaders().getFirst(header);
        if (value == null) {
            return null;
        }
        String first = value.split(",", 2)[0].strip();
        return first.isEmpty() ? null : first;
    }

    private static InetAddress remoteAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null ? remote.getAddress() : null;
    }

    /** Every hop of every {@code X-Forwarded-For} line, in order. */
    private static List<String> forwardedFor(HttpHeaders headers) {
        List<String> lines = headers.get(FORWARDED_FOR);
        List<String> hops = new ArrayList<>();
        if (lines != null) {
            lines.forEach(line -> hops.addAll(Arrays.stream(line.split(",")).map(String::strip).toList()));
        }
        return hops;
    }

    /**
     * {@code 192.0.2.1}, {@code 2001:db8::1}, and the forms with a port: {@code 192.0.2.1:443},
     * {@code [2001:db8::1]:443}; {@code null} for anything else (a name, {@code unknown}, garbage).
     */
    static InetAddress parseHop(String hop) {
        String value = hop;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return null;
            }
            value = value.substring(1, end);
        }
        else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':'));
        }
        try {
            return AddressRange.literal(value);
        }
        catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
