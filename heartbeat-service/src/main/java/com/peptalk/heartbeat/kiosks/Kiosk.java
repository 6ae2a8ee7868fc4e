package com.peptalk.heartbeat.kiosks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/**
 * A registered kiosk: its number, project and name. Its connectivity (status, last seen, last details) lives in the
 * same row but is not mapped here: {@link KioskStates} moves it by SQL that an older heartbeat can never win, and
 * {@code @DynamicUpdate} keeps a rename from writing those columns back.
 */
@Entity
@Table(name = "kiosks")
@DynamicUpdate
class Kiosk implements Persistable<String> {

    @Id
    private String kioskId;
    private long projectId;
    private String name;
    @Column(updatable = false)
    private Instant registeredAt;

    private transient boolean isNew;

    protected Kiosk() {
    }

    Kiosk(long number, long projectId, String name, Instant now) {
        this.kioskId = Long.toString(number);
        this.projectId = projectId;
        this.name = name;
        this.registeredAt = now;
        this.isNew = true;
    }

    @Override
    public String getId() {
        return kioskId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    long number() {
        return Long.parseLong(kioskId);
    }

    long projectId() {
        return projectId;
    }

    String name() {
        return name;
    }

    Instant registeredAt() {
        return registeredAt;
    }
}
