package com.peptalk.token.directory;

import com.peptalk.events.directory.UserDeleted;
import com.peptalk.events.directory.UserUpserted;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.token.refusals.ConflictException;
import com.peptalk.token.refusals.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of a company. A user is never deleted, only deactivated, so their tokens and history stay attributable.
 * The email is unique per company whatever its case; the database's unique index on {@code lower(email)} decides,
 * so two concurrent requests cannot both win.
 */
@Service
public class UserService {

    private final UserRepository users;
    private final EventOutbox outbox;
    private final DirectoryClock clock;
    private final ActiveCompanies companies;

    UserService(UserRepository users, EventOutbox outbox, DirectoryClock clock, ActiveCompanies companies) {
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
        this.companies = companies;
    }

    @Transactional
    public UserView create(CreateUser request) {
        companies.require(request.companyId());
        User user = new User(request.companyId(), request.name().strip(), request.email().strip(),
                request.role() == null ? "member" : request.role(), clock.now());
        saveUnique(user, request.companyId());
        publish(user);
        return user.view();
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        return users.findById(id).map(User::view).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** Replaces the editable state; a user who stays or becomes active needs an active company. */
    @Transactional
    public UserView update(long id, UpdateUser request) {
        long companyId = users.findCompanyIdById(id).orElseThrow(() -> new NotFoundException("user", id));
        if (!UserView.DEACTIVATED.equals(request.status())) {
            // company before user: the order archiving a company takes them in, so the two never deadlock
            companies.require(companyId);
        }
        User user = lock(id);
        user.update(request.name().strip(), request.email().strip(), request.role(), request.status(), clock.now());
        saveUnique(user, companyId);
        publish(user);
        return user.view();
    }

    /** Deactivates the user; deactivating an inactive user changes nothing and publishes nothing. */
    @Transactional
    public void deactivate(long id) {
        User user = lock(id);
        if (user.deactivated()) {
            return;
        }
        user.deactivate(clock.now());
        publish(user);
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(UserFilter filter, PageRequest page) {
        return new Filters<User>()
                .equal("companyId", filter.companyId())
                .equal("status", filter.status())
                .equal("role", filter.role())
                .mentioning(filter.q(), "name", "email")
                .page(users, page, User::view);
    }

    /** Part of archiving a company, which holds the company row for update while this runs. */
    void deactivateAllOf(long companyId) {
        for (User user : users.findByCompanyIdAndStatusNotOrderById(companyId, UserView.DEACTIVATED)) {
            user.deactivate(clock.now());
            publish(user);
        }
    }

    private User lock(long id) {
        return users.findForUpdateById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** Writes now rather than at commit, so the unique index's answer is a 409 here and not a failed commit. */
    private void saveUnique(User user, long companyId) {
        try {
            users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException ex) {
            if (UniqueKeys.violated(ex)) {
                throw duplicateEmail(companyId);
            }
            throw ex;
        }
    }

    /** A deactivated user is gone for consumers ({@code UserUpserted} has no status to say otherwise). */
    private void publish(User user) {
        UserView view = user.view();
        outbox.append(view.deactivated() ? new UserDeleted(view.id(), view.companyId())
                : new UserUpserted(view.id(), view.companyId(), view.name(), view.email(), view.role()));
    }

    /** The email is not repeated: problem details may end up in logs of other systems. */
    private static ConflictException duplicateEmail(long companyId) {
        return new ConflictException("company " + companyId + " already has a user with this email");
    }
}
