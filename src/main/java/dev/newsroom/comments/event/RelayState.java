package dev.newsroom.comments.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The relay's one row: its lock, and the highest position given so far. */
@Entity
@Table(name = "event_relay")
class RelayState {

    @Id
    String name;

    @Column(name = "last_position", nullable = false)
    long lastPosition;
}
