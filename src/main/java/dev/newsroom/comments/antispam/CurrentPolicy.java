package dev.newsroom.comments.antispam;

/**
 * The moderation policy in force now: the environment's {@code comments.moderation.policy} unless an
 * administrator changed the site setting (implemented by {@code settings.SiteSettings}, so this
 * feature does not depend on that one).
 */
public interface CurrentPolicy {

    PolicyConfig.Policy moderationPolicy();
}
