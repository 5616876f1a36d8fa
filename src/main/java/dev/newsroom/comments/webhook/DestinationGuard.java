package dev.newsroom.comments.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SSRF rules of API.md §6, applied at registration and again at every delivery: https only
 * (unless {@code allow-http}), and every address the host name resolves to must be public (unless
 * {@code allow-private-networks}). A delivery then connects to the address checked here, never
 * resolving the name again, so a name that changes its answer between the check and the connection
 * (DNS rebinding) cannot lead anywhere else.
 */
@ApplicationScoped
class DestinationGuard {

    /** The longest wait for a name's addresses: the operating system's resolver may take much longer. */
    static final long RESOLVE_TIMEOUT_SECONDS = 5;

    private final WebhooksConfig config;

    DestinationGuard(WebhooksConfig config) {
        this.config = config;
    }

    /** A URL as registered, or {@link Destination.Refused} with the reason. */
    Destination check(String url) throws Destination.Refused {
        Destination destination = Destination.parse(url, config.allowHttp());
        addressOf(destination);
        return destination;
    }

    /** Parses a stored URL again: a setting may have changed since it was registered. */
    Destination parse(String url) throws Destination.Refused {
        return Destination.parse(url, config.allowHttp());
    }

    /** The address to connect to: the first one the name resolves to, once every one of them passed. */
    InetAddress addressOf(Destination destination) throws Destination.Refused {
        InetAddress[] addresses = resolve(destination.hostName());
        if (!config.allowPrivateNetworks()) {
            for (InetAddress address : addresses) {
                AddressClass kind = AddressClass.of(address);
                if (kind != AddressClass.PUBLIC) {
                    throw new Destination.Refused("must not point to " + kind.description);
                }
            }
        }
        return addresses[0];
    }

    private static InetAddress[] resolve(String host) throws Destination.Refused {
        // An IP literal is never looked up; a name is, on a virtual thread we stop waiting for.
        CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
        Thread.ofVirtual().name("webhook-resolve").start(() -> {
            try {
                lookup.complete(InetAddress.getAllByName(host));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        });
        try {
            InetAddress[] addresses = lookup.get(RESOLVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (addresses.length == 0) {
                throw new Destination.Refused("must have a host name that resolves");
            }
            return addresses;
        } catch (ExecutionException | TimeoutException e) {
            throw new Destination.Refused("must have a host name that resolves");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Destination.Refused("must have a host name that resolves");
        }
    }
}
