package com.peptalk.token.directory;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time a directory change is stamped with ({@code created_at}, {@code updated_at}), at PostgreSQL's precision
 * (microseconds), so the view a change answers equals the one a later read returns.
 */
@Component
class DirectoryClock {

    private final Clock clock;

    DirectoryClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
