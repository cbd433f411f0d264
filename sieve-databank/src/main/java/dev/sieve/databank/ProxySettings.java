package dev.sieve.databank;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy the environment names, as curl and most tools read it ({@code HTTPS_PROXY}, {@code HTTP_PROXY},
 * {@code NO_PROXY}, upper or lower case), which Java's HTTP client ignores on its own. An explicit
 * {@code -Dhttps.proxyHost} still wins (the JDK's default selector), as does no setting at all.
 */
public final class ProxySettings {
    private ProxySettings() {
    }

    /** The selector for these environment variables, or empty when they name no proxy. */
    public static Optional<ProxySelector> fromEnvironment(Map<String, String> env) {
        String https = get(env, "HTTPS_PROXY");
        String http = get(env, "HTTP_PROXY");
        if (https == null && http == null) return Optional.empty();
        InetSocketAddress forHttps = address(https != null ? https : http, "HTTPS_PROXY");
        InetSocketAddress forHttp = http != null ? address(http, "HTTP_PROXY") : forHttps;
        List<String> noProxy = get(env, "NO_PROXY") == null ? List.of()
                : List.of(get(env, "NO_PROXY").toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        return Optional.of(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                for (String n : noProxy) {
                    if (n.isBlank()) continue;
                    if (n.equals("*")) return List.of(Proxy.NO_PROXY);
                    String suffix = n.startsWith(".") ? n : "." + n;
                    if (host.equals(n.replaceFirst("^\\.", "")) || host.endsWith(suffix)) return List.of(Proxy.NO_PROXY);
                }
                return List.of(new Proxy(Proxy.Type.HTTP, "https".equals(uri.getScheme()) ? forHttps : forHttp));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // the download reports the failure with the proxy's address
            }
        });
    }

    private static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) v = env.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static InetSocketAddress address(String value, String name) {
        URI u = URI.create(value.contains("://") ? value : "http://" + value);
        if (u.getHost() == null) throw new IllegalArgumentException(name + "=" + value + ": not a proxy address (http://host:port)");
        int port = u.getPort() > 0 ? u.getPort() : 80;
        return InetSocketAddress.createUnresolved(u.getHost(), port);
    }
}
