package org.tongjie.ill;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where webhooks may point. A member's staff choose the URL and the hub then POSTs to it from inside the
 * network, so a URL on loopback, a link-local address (cloud metadata at 169.254.169.254), a private range or
 * this host's own wildcard would let them reach what only the hub can (SSRF). Such targets are refused unless
 * the network's administrator allows private targets (a hub whose members' systems sit on its own LAN). The
 * host is resolved and every address it resolves to is checked, at registration and again at each delivery
 * (a name can be re-pointed after it was accepted).
 */
public record WebhookTargets(boolean allowPrivate) {
    /** Public addresses only: the default. */
    public static final WebhookTargets PUBLIC_ONLY = new WebhookTargets(false);

    /**
     * The URL if its host may be posted to.
     *
     * @throws IllegalArgumentException saying why not, in words a member's staff can act on
     */
    public URI check(URI url) {
        if (allowPrivate || !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            return url; // other schemes are refused by Webhooks.register, with their own message
        }
        String host = url.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the webhook host " + host + " does not resolve; give a URL whose host"
                    + " the hub can look up");
        }
        for (InetAddress a : addresses) {
            String kind = privateKind(a);
            if (kind != null) {
                throw new IllegalArgumentException("the webhook host " + host + " is " + kind + " (" + a.getHostAddress()
                        + "); webhooks go to public addresses only, unless the network administrator allows private"
                        + " targets (ill.allow-private-webhooks)");
            }
        }
        return url;
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String privateKind(InetAddress a) {
        InetAddress v4 = a instanceof Inet6Address v6 ? mappedV4(v6) : null;
        if (v4 != null) {
            return privateKind(v4);
        }
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (a.isSiteLocalAddress() || uniqueLocal(a) || sharedV4(a)) {
            return "a private address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        return null;
    }

    /** fc00::/7, IPv6's private range (isSiteLocalAddress knows only the old fec0::/10). */
    private static boolean uniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8: not reachable on the public Internet either. */
    private static boolean sharedV4(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0);
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, which the JDK does not always unwrap. */
    private static InetAddress mappedV4(Inet6Address v6) {
        byte[] b = v6.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return null;
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
