package dev.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF classifier (API.md §6): what a webhook may not reach, IPv4, IPv6 and IPv4 inside IPv6. */
class WebhookAddressClassTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "::1, LOOPBACK",
            "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE", "100.64.0.1, PRIVATE", "100.127.255.255, PRIVATE",
            "fc00::1, PRIVATE", "fd12:3456:789a::1, PRIVATE", "fec0::1, PRIVATE", "64:ff9b:1::1, PRIVATE",
            "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST", "ff0e::1, MULTICAST",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "::, UNSPECIFIED",
            "240.0.0.1, RESERVED", "255.255.255.255, RESERVED", "192.0.0.8, RESERVED", "198.18.0.1, RESERVED",
            "100::1, RESERVED",
            // public neighbours of every range above
            "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC", "11.0.0.1, PUBLIC", "172.15.255.255, PUBLIC", "172.32.0.1, PUBLIC",
            "192.167.1.1, PUBLIC", "192.169.0.1, PUBLIC", "100.63.255.255, PUBLIC", "100.128.0.1, PUBLIC",
            "169.253.1.1, PUBLIC", "223.255.255.255, PUBLIC", "126.255.255.255, PUBLIC", "128.0.0.1, PUBLIC",
            "198.17.0.1, PUBLIC", "198.20.0.1, PUBLIC", "192.0.2.1, PUBLIC", "93.184.215.14, PUBLIC",
            "2606:4700:4700::1111, PUBLIC", "2001:db8::1, PUBLIC", "fbff::1, PUBLIC", "fe7f::1, PUBLIC",
            // IPv4 inside IPv6: NAT64 and 6to4 reach the embedded address
            "64:ff9b::7f00:1, LOOPBACK", "64:ff9b::a00:1, PRIVATE", "64:ff9b::808:808, PUBLIC",
            "2002:7f00:1::1, LOOPBACK", "2002:a9fe:a9fe::1, LINK_LOCAL", "2002:808:808::1, PUBLIC",
            "::7f00:1, LOOPBACK", "::808:808, RESERVED" })
    void classifiesAddresses(String literal, AddressClass expected) throws UnknownHostException {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(literal)), literal);
    }

    /** Java turns ::ffff:a.b.c.d into an IPv4 address; the bytes of an Inet6Address may still carry one. */
    @ParameterizedTest
    @CsvSource({ "127, 0, 0, 1, LOOPBACK", "10, 1, 2, 3, PRIVATE", "169, 254, 169, 254, LINK_LOCAL",
            "0, 0, 0, 0, UNSPECIFIED", "224, 0, 0, 1, MULTICAST", "100, 64, 0, 1, PRIVATE", "8, 8, 8, 8, PUBLIC" })
    void judgesAnIpv4MappedIpv6AddressAsItsIpv4Address(int a, int b, int c, int d, AddressClass expected)
            throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) a;
        mapped[13] = (byte) b;
        mapped[14] = (byte) c;
        mapped[15] = (byte) d;
        assertEquals(expected, AddressClass.of(Inet6Address.getByAddress(null, mapped, -1)));
        assertEquals(expected, AddressClass.of(InetAddress.getByName("::ffff:" + a + "." + b + "." + c + "." + d)));
    }

    @Test
    void refusalsReadAsTheEndOfASentence() {
        assertEquals("a loopback address", AddressClass.LOOPBACK.description);
        assertEquals(null, AddressClass.PUBLIC.description);
    }
}
