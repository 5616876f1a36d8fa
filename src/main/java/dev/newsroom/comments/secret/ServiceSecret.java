package dev.newsroom.comments.secret;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A secret the service generated for itself because the deployment did not configure one. */
@Entity
@Table(name = "service_secret")
class ServiceSecret {

    @Id
    String name;

    @Column(name = "secret_value", nullable = false, updatable = false)
    String value;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
}
