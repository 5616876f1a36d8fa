package dev.newsroom.comments.webhook;

import java.net.InetAddress;

/**
 * Which addresses a webhook may not reach (API.md §6): where an attacker who registers a URL would
 * otherwise make the service call into its own network, the host it runs on or the cloud's metadata
 * service (169.254.169.254). Works on the address's bytes, so an IPv4 address hidden in an IPv6 one
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) is judged as the IPv4 address it reaches.
 */
enum AddressClass {
    PUBLIC(null),
    LOOPBACK("a loopback address"),
    PRIVATE("a private network address"),
    LINK_LOCAL("a link-local address"),
    MULTICAST("a multicast address"),
    UNSPECIFIED("an unspecified address"),
    RESERVED("a reserved address");

    /** How a refusal names it: "must not point to …". */
    final String description;

    AddressClass(String description) {
        this.description = description;
    }

    static AddressClass of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ofIpv4(bytes, 0) : ofIpv6(bytes);
    }

    private static AddressClass ofIpv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        int c = bytes[at + 2] & 0xff;
        if (a == 0) {
            return UNSPECIFIED; // 0.0.0.0/8, "this network"
        }
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return PRIVATE;
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return PRIVATE; // 100.64.0.0/10, carrier-grade NAT: the provider's network
        }
        if (a == 169 && b == 254) {
            return LINK_LOCAL;
        }
        if (a >= 224 && a <= 239) {
            return MULTICAST;
        }
        if (a >= 240) {
            return RESERVED; // 240.0.0.0/4 and the broadcast address
        }
        if ((a == 192 && b == 0 && c == 0) || (a == 198 && (b & 0xfe) == 18)) {
            return RESERVED; // protocol assignments; benchmarking, often used inside networks
        }
        return PUBLIC;
    }

    private static AddressClass ofIpv6(byte[] bytes) {
        if (zeros(bytes, 0, 16)) {
            return UNSPECIFIED;
        }
        if (zeros(bytes, 0, 15) && bytes[15] == 1) {
            return LOOPBACK;
        }
        if (zeros(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            return ofIpv4(bytes, 12); // IPv4-mapped
        }
        if (zeros(bytes, 0, 12)) {
            AddressClass embedded = ofIpv4(bytes, 12); // IPv4-compatible, deprecated: routed nowhere public
            return embedded == PUBLIC ? RESERVED : embedded;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b) {
            if (zeros(bytes, 4, 12)) {
                return ofIpv4(bytes, 12); // NAT64: reaches the embedded IPv4 address
            }
            if ((bytes[4] & 0xff) == 0x00 && (bytes[5] & 0xff) == 0x01) {
                return PRIVATE; // 64:ff9b:1::/48, NAT64 for local use
            }
        }
        if (first == 0x20 && second == 0x02) {
            return ofIpv4(bytes, 2); // 6to4: reaches the embedded IPv4 address
        }
        if ((first & 0xfe) == 0xfc) {
            return PRIVATE; // fc00::/7, unique local
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return PRIVATE; // fec0::/10, site-local (deprecated)
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        if (first == 0x01 && second == 0x00 && zeros(bytes, 2, 8)) {
            return RESERVED; // 100::/64, discard only
        }
        return PUBLIC;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
