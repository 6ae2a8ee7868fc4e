package com.peptalk.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;

/** How clients are told apart in a rate limit, and how a wait is told to them. */
public final class ClientKeys {

    /**
     * An IPv4 address as it is; an IPv6 address by its /64 network, which one subscriber usually has whole: else
     * a single client could take a fresh bucket with every address of its network.
     */
    public static String of(InetAddress address) {
        if (address == null) {
            return "unknown";
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }

    /** {@code Retry-After} in whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private ClientKeys() {
    }
}
