package dev.newsroom.comments.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One setting an administrator changed over the API; a setting without a row has its default. */
@Entity
@Table(name = "site_setting")
class SiteSetting {

    @Id
    private String name;

    @Column(name = "setting_value", nullable = false) // VALUE is a keyword in H2
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected SiteSetting() {
        // for JPA
    }

    SiteSetting(String name) {
        this.name = name;
    }

    void set(String value, String administrator, Instant now) {
        this.value = value;
        this.updatedBy = administrator;
        this.updatedAt = now;
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }
}
