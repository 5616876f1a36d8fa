package dev.newsroom.comments.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The article-page origins of {@link WebConfig}, and the redirect check built on them. */
@ApplicationScoped
public class AllowedOrigins {

    private final Set<String> origins;

    AllowedOrigins(WebConfig config) {
        this.origins = config.allowedOrigins().orElse(java.util.List.of()).stream()
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(AllowedOrigins::originOf)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a form may be sent to {@code target} after posting: an absolute http(s) URL
     * whose scheme, host and port are one of the configured origins.
     */
    public boolean allowsRedirectTo(String target) {
        return originOf(target).filter(origins::contains).isPresent();
    }

    /**
     * The origins as {@code scheme://host[:port]}, sorted: the pages the service serves (API.md §7)
     * name them in {@code Content-Security-Policy: frame-ancestors}.
     */
    public java.util.List<String> all() {
        return origins.stream().sorted().toList();
    }

    /** Whether a browser on {@code origin} (an {@code Origin} header) may call the API. */
    public boolean allowsOrigin(String origin) {
        return originOf(origin).filter(origins::contains).isPresent();
    }

    /** {@code scheme://host[:port]} in lower case with default ports removed, or empty if not an http(s) URL. */
    static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
