package com.peptalk.token.directory;

import com.peptalk.events.directory.UserDeleted;
import com.peptalk.events.directory.UserUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.token.web.ConflictException;
import com.peptalk.token.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of a company. A user is never deleted, only deactivated, so their tokens and history stay attributable.
 * The email is unique per company whatever its case; the database's unique index on {@code lower(email)} decides,
 * so two concurrent requests cannot both win.
 */
@Service
public class UserService {

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final ActiveCompanies companies;

    UserService(JdbcClient jdbc, EventOutbox outbox, ActiveCompanies companies) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.companies = companies;
    }

    @Transactional
    public UserView create(CreateUser request) {
        companies.require(request.companyId());
        UserView user;
        try {
            user = jdbc.sql("insert into users (company_id, name, email, role) values (:companyId, :name, :email, "
                            + ":role) returning " + UserView.COLUMNS)
                    .param("companyId", request.companyId())
                    .param("name", request.name().strip())
                    .param("email", request.email().strip())
                    .param("role", request.role() == null ? "member" : request.role())
                    .query(UserView.ROWS).single();
        }
        catch (DuplicateKeyException ex) {
            throw duplicateEmail(request.companyId());
        }
        publish(user);
        return user;
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        return jdbc.sql("select " + UserView.COLUMNS + " from users where id = :id").param("id", id)
                .query(UserView.ROWS).optional().orElseThrow(() -> new NotFoundException("user", id));
    }

    /** Replaces the editable state; a user who stays or becomes active needs an active company. */
    @Transactional
    public UserView update(long id, UpdateUser request) {
        long companyId = jdbc.sql("select company_id from users where id = :id").param("id", id)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("user", id));
        if (!UserView.DEACTIVATED.equals(request.status())) {
            // company before user: the order archiving a company takes them in, so the two never deadlock
            companies.require(companyId);
        }
        lock(id);
        UserView user;
        try {
            user = jdbc.sql("update users set name = :name, email = :email, role = :role, status = :status, "
                            + "updated_at = now() where id = :id returning " + UserView.COLUMNS)
                    .param("id", id)
                    .param("name", request.name().strip())
                    .param("email", request.email().strip())
                    .param("role", request.role())
                    .param("status", request.status())
                    .query(UserView.ROWS).single();
        }
        catch (DuplicateKeyException ex) {
            throw duplicateEmail(companyId);
        }
        publish(user);
        return user;
    }

    /** Deactivates the user; deactivating an inactive user changes nothing and publishes nothing. */
    @Transactional
    public void deactivate(long id) {
        if (lock(id).deactivated()) {
            return;
        }
        publish(jdbc.sql("update users set status = 'deactivated', updated_at = now() where id = :id returning "
                + UserView.COLUMNS).param("id", id).query(UserView.ROWS).single());
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(UserFilter filter, PageRequest page) {
        return new Filters()
                .with("company_id = :companyId", "companyId", filter.companyId())
                .with("status = :status", "status", filter.status())
                .with("role = :role", "role", filter.role())
                .with("(strpos(lower(name), lower(:q)) > 0 or strpos(lower(email), lower(:q)) > 0)", "q", filter.q())
                .page(jdbc, UserView.COLUMNS, "users", page, UserView.ROWS);
    }

    /** Part of archiving a company, which holds the company row for update while this runs. */
    void deactivateAllOf(long companyId) {
        jdbc.sql("update users set status = 'deactivated', updated_at = now() "
                        + "where company_id = :companyId and status <> 'deactivated' returning " + UserView.COLUMNS)
                .param("companyId", companyId).query(UserView.ROWS).list().stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .forEach(this::publish);
    }

    private UserView lock(long id) {
        return jdbc.sql("select " + UserView.COLUMNS + " from users where id = :id for update").param("id", id)
                .query(UserView.ROWS).optional().orElseThrow(() -> new NotFoundException("user", id));
    }

    /** A deactivated user is gone for consumers ({@code UserUpserted} has no status to say otherwise). */
    private void publish(UserView user) {
        outbox.append(user.deactivated() ? new UserDeleted(user.id(), user.companyId())
                : new UserUpserted(user.id(), user.companyId(), user.name(), user.email(), user.role()));
    }

    /** The email is not repeated: problem details may end up in logs of other systems. */
    private static ConflictException duplicateEmail(long companyId) {
        return new ConflictException("company " + companyId + " already has a user with this email");
    }
}
