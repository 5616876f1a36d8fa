package dev.newsroom.comments.account;

import dev.newsroom.comments.web.ClientAddress;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a Basic username and password with {@link PasswordSignIn}, reading the account from the
 * active database on every request (a deleted account is locked out at once). A locked-out client
 * is refused with 429 before its password is checked; a browser holding a device cookie for the
 * username is throttled on its own ({@link LoginThrottle}).
 */
@ApplicationScoped
class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final PasswordSignIn passwords;

    AccountIdentityProvider(PasswordSignIn passwords) {
        this.passwords = passwords;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            HttpServerRequest http = HttpSecurityUtils.getRoutingContextAttribute(request).request();
            Cookie device = http.getCookie(DeviceCookies.NAME);
            PasswordSignIn.SignedIn account;
            try {
                account = passwords.check(request.getUsername(), new String(request.getPassword().getPassword()),
                        ClientAddress.of(http), device == null ? null : device.getValue())
                        .orElseThrow(AuthenticationFailedException::new);
            } catch (ProblemException lockedOutOrBusy) {
                throw new AuthenticationFailedException(lockedOutOrBusy);
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username()))
                    .addRole(account.role())
                    .build();
        });
    }
}
