package dev.loopkeeper.sharedkernel;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;

/**
 * Where an admin may point the app's outgoing requests (Slack, Teams, webhooks, the help desk). A URL an admin types
 * is a request our server makes on their behalf, so it must not reach what only the server can reach (SSRF): only
 * https, and no host that resolves to a loopback, private, link-local (the cloud metadata service at 169.254.169.254),
 * carrier-grade NAT, multicast or reserved address, however the address is written. Checked when saved and again before every send, since a name may resolve
 * elsewhere later. {@code loopkeeper.outbound.allow-local-addresses=true} lifts both rules, for tests and development
 * against a local peer such as WireMock.
 */
@Component
public class OutboundAddresses {

    /**
     * {@code loopkeeper.outbound.*}
     *
     * @param allowLocalAddresses also http, and hosts on this machine or the private network: never in production
     */
    @ConfigurationProperties("loopkeeper.outbound")
    public record Settings(@DefaultValue("false") boolean allowLocalAddresses) {}

    private final Settings settings;

    OutboundAddresses(Settings settings) {
        this.settings = settings;
    }

    /**
     * The URL, parsed and checked.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Enter a URL");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Not a URL: " + url.strip());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean plainHttpAllowed = settings.allowLocalAddresses() && scheme.equals("http");
        if (!scheme.equals("https") && !plainHttpAllowed) {
            throw new IllegalArgumentException("Only https:// URLs are allowed: " + uri);
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("A URL needs a host name and no user name in it: " + uri);
        }
        if (ambiguousIpv4(uri.getHost())) {
            throw new IllegalArgumentException(
                    "Write an IPv4 address as four decimal numbers such as 203.0.113.7: " + uri.getHost());
        }
        if (!settings.allowLocalAddresses()) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException unknown) {
                throw new IllegalArgumentException("Unknown host: " + uri.getHost());
            }
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    throw new IllegalArgumentException(uri.getHost() + " is an address inside this network ("
                            + address.getHostAddress() + "); only public hosts may be called");
                }
            }
        }
        return uri;
    }

    /**
     * The connections for requests to admin-given URLs: each connection checks its URL again as it opens, so the
     * addresses it connects to are the ones just checked (the JVM keeps a name's addresses for 30 s, which closes the
     * window in which a name could be made to resolve elsewhere between the check and the connect: DNS rebinding),
     * and no redirect is followed (a public URL answering "see http://169.254.169.254/" would lead past the check).
     */
    public ClientHttpRequestFactory requests(Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory() {
            @Override
            protected HttpURLConnection openConnection(URL url, Proxy proxy) throws IOException {
                try {
                    check(url.toString());
                } catch (IllegalArgumentException refused) {
                    throw new IOException(refused.getMessage(), refused);
                }
                return super.openConnection(url, proxy);
            }

            @Override
            protected void prepareConnection(HttpURLConnection connection, String method) throws IOException {
                super.prepareConnection(connection, method);
                connection.setInstanceFollowRedirects(false);
            }
        };
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return requests;
    }

    /**
     * A host whose last label is a number is an IPv4 address to a URL parser, and parsers differ on the other forms
     * ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}: octal to curl and browsers, decimal to Java): only the
     * plain dotted form means the same everywhere.
     */
    static boolean ambiguousIpv4(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.matches("[0-9]+|0[xX][0-9a-fA-F]*") && !name.matches(DOTTED_QUAD);
    }

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String DOTTED_QUAD = OCTET + "(\\." + OCTET + "){3}";

    /**
     * Loopback, private, link-local, carrier-grade NAT, unique-local IPv6, multicast, "any", the IETF's and the
     * benchmarking blocks, the reserved 240/4 (with broadcast); and an IPv6 address that carries an IPv4 one inside
     * (mapped, compatible, NAT64) when that one is any of these.
     */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            int third = bytes[2] & 0xff;
            return first == 0
                    || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && third == 0)
                    || (first == 198 && (second == 18 || second == 19))
                    || first >= 240;
        }
        // fc00::/7, unique local addresses; 64:ff9b:1::/48, NAT64 for a local network
        if ((bytes[0] & 0xfe) == 0xfc || startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return true;
        }
        boolean ipv4Inside = startsWith(bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff) // ::ffff:a.b.c.d
                || startsWith(bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) // ::a.b.c.d
                || startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0); // 64:ff9b::a.b.c.d
        if (ipv4Inside) {
            try {
                return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
            } catch (UnknownHostException impossible) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
