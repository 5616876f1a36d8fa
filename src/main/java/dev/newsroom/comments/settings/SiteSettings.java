package dev.newsroom.comments.settings;

import dev.newsroom.comments.antispam.CurrentPolicy;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventTypes;
import dev.newsroom.comments.report.ReportThreshold;
import dev.newsroom.comments.antispam.PolicyConfig;
import dev.newsroom.comments.comment.AuditEntry;
import dev.newsroom.comments.comment.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The site settings (API.md §5): kept in the database so every instance applies what an
 * administrator set. Each instance reads them again {@link #REFRESH} after its last read, so a
 * change made on another instance applies within that time (the contract allows 5 s); on the
 * instance that made it, at once. Each change is audited, one entry per setting (action
 * {@code settings}, its name as the reason, the old and new values as from and to).
 */
@ApplicationScoped
class SiteSettings implements CurrentPolicy, ReportThreshold {

    static final Duration REFRESH = Duration.ofSeconds(2);
    static final String MODERATION_POLICY = "moderationPolicy";
    static final String REPORTS_TO_HOLD = "reportsToHold";

    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final EventLog events;
    private final Event<SettingsChanged> changed;
    private final PolicyConfig defaults;
    private final Clock clock;

    /** The settings last read, and when (System.nanoTime: a wall clock may step back). */
    private record Snapshot(Settings settings, long readAtNanos) {
    }

    private volatile Snapshot snapshot;
    /** Counts the changes committed here: a read that overlapped one must not keep its older values. */
    private final AtomicLong generation = new AtomicLong();

    SiteSettings(EntityManager entityManager, AuditTrail audit, EventLog events, Event<SettingsChanged> changed,
            PolicyConfig defaults, Clock clock) {
        this.events = events;
        this.entityManager = entityManager;
        this.audit = audit;
        this.changed = changed;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The settings in force on this instance: read at most {@link #REFRESH} ago. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Settings current() {
        Snapshot last = snapshot;
        long now = System.nanoTime();
        if (last != null && now - last.readAtNanos() < REFRESH.toNanos()) {
            return last.settings();
        }
        long before = generation.get();
        Settings read = read();
        if (generation.get() == before) {
            snapshot = new Snapshot(read, now);
        }
        return read;
    }

    @Override
    public PolicyConfig.Policy moderationPolicy() {
        return policyOf(current().moderationPolicy());
    }

    @Override
    public int reportsToHold() {
        return current().reportsToHold();
    }

    /** Applies the given fields; the others keep their value. Repeating a value changes (and audits) nothing. */
    @Transactional
    Settings change(SettingsChange change, String administrator) {
        Settings before = read();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (change.moderationPolicy() != null) {
            set(MODERATION_POLICY, valueOf(before, MODERATION_POLICY), change.moderationPolicy(), administrator, now);
        }
        if (change.reportsToHold() != null) {
            set(REPORTS_TO_HOLD, valueOf(before, REPORTS_TO_HOLD), change.reportsToHold().toString(), administrator, now);
        }
        changed.fire(new SettingsChanged());
        return read();
    }

    /**
     * Gives a setting back to the environment's default (its row goes); audited like a change if that
     * changes its value. An unknown name is a {@link UnknownSettingException}.
     */
    @Transactional
    Settings reset(String name, String administrator) {
        String from = valueOf(read(), name);
        SiteSetting setting = entityManager.find(SiteSetting.class, name);
        if (setting != null) {
            entityManager.remove(setting);
            entityManager.flush();
            auditChange(name, from, valueOf(read(), name), administrator, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            changed.fire(new SettingsChanged());
        }
        return read();
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged change) {
        generation.incrementAndGet();
        snapshot = null;
    }

    /**
     * Stores the value even when it equals the default in force, so it keeps overriding the environment
     * if that changes later; audits only a change of the value in force.
     */
    private void set(String name, String from, String to, String administrator, Instant now) {
        SiteSetting setting = entityManager.find(SiteSetting.class, name);
        if (setting == null) {
            setting = new SiteSetting(name);
            setting.set(to, administrator, now);
            entityManager.persist(setting);
        } else if (!setting.value().equals(to)) {
            setting.set(to, administrator, now);
        }
        auditChange(name, from, to, administrator, now);
    }

    /** One audit entry for a setting whose value in force changed: its name as the reason, the values as from and to. */
    private void auditChange(String name, String from, String to, String administrator, Instant now) {
        if (!from.equals(to)) {
            audit.append(new AuditEntry(now, administrator, "settings", null, null, from, to, name, null));
            events.other(EventTypes.SETTINGS_CHANGED, null, administrator, Map.of("name", name, "from", from, "to", to));
        }
    }

    /** A setting's value as stored and audited; an unknown name is a {@link UnknownSettingException}. */
    private static String valueOf(Settings settings, String name) {
        return switch (name) {
            case MODERATION_POLICY -> settings.moderationPolicy();
            case REPORTS_TO_HOLD -> Integer.toString(settings.reportsToHold());
            default -> throw new UnknownSettingException();
        };
    }

    private Settings read() {
        Map<String, String> stored = entityManager.createQuery("from SiteSetting", SiteSetting.class).getResultStream()
                .collect(Collectors.toMap(SiteSetting::name, SiteSetting::value));
        return new Settings(stored.getOrDefault(MODERATION_POLICY, wireName(defaults.policy())),
                Integer.parseInt(stored.getOrDefault(REPORTS_TO_HOLD, Integer.toString(defaults.reportsToHold()))));
    }

    private static String wireName(PolicyConfig.Policy policy) {
        return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static PolicyConfig.Policy policyOf(String wireName) {
        return PolicyConfig.Policy.valueOf(wireName.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
