package com.peptalk.token.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user of a company, the aggregate behind {@link UserView}; it never leaves this package. */
@Entity
@Table(name = "users")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long companyId;
    private String name;
    private String email;
    private String role;
    private String status;
    private Instant createdAt;
    private Instant updatedAt;

    protected User() {
    }

    User(long companyId, String name, String email, String role, Instant now) {
        this.companyId = companyId;
        this.name = name;
        this.email = email;
        this.role = role;
        this.status = "active";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the editable state; {@code updated_at} moves even when nothing else does, as a PUT was made. */
    void update(String name, String email, String role, String status, Instant now) {
        this.name = name;
        this.email = email;
        this.role = role;
        this.status = status;
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.status = UserView.DEACTIVATED;
        this.updatedAt = now;
    }

    long id() {
        return id;
    }

    long companyId() {
        return companyId;
    }

    boolean deactivated() {
        return UserView.DEACTIVATED.equals(status);
    }

    UserView view() {
        return new UserView(id, companyId, name, email, role, status, createdAt, updatedAt);
    }
}
