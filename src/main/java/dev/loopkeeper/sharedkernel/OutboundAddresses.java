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
 * carrier-grade NAT or multicast address. Checked when saved and again before every send, since a name may resolve
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

    /** Loopback, private, link-local, carrier-grade NAT, unique-local IPv6, multicast, or "any". */
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
            return first == 0 || (first == 100 && second >= 64 && second < 128);
        }
        // fc00::/7, unique local addresses; and IPv4-mapped forms of the above
        if ((bytes[0] & 0xfe) == 0xfc) {
            return true;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= bytes[i] == 0;
        }
        if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            try {
                return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
            } catch (UnknownHostException impossible) {
                return true;
            }
        }
        return false;
    }
}
