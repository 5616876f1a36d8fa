package dev.newsroom.comments.webhook;

import dev.newsroom.comments.comment.EmailVault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhooks' signing secrets at rest: sealed with the keys that seal emails ({@link EmailVault}),
 * bound to their webhook's id, so a database copy without the keys holds none, and a sealed secret
 * moved to another webhook's row does not open.
 */
@ApplicationScoped
class WebhookSecrets {

    private final EmailVault vault;

    WebhookSecrets(EmailVault vault) {
        this.vault = vault;
    }

    String seal(String secret, String webhookId) {
        return vault.sealSecret(secret, context(webhookId));
    }

    /** The HMAC keys that sign at {@code now}: the current secret's, then the previous one's while it is valid. */
    List<byte[]> keysAt(Webhook webhook, Instant now) {
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(Signatures.keyOf(vault.openSecret(webhook.secretSealed(), context(webhook.id()))));
        String previous = webhook.previousSecretSealedAt(now);
        if (previous != null) {
            keys.add(Signatures.keyOf(vault.openSecret(previous, context(webhook.id()))));
        }
        return keys;
    }

    private static String context(String webhookId) {
        return "webhook.secret|" + webhookId;
    }
}
