package com.peptalk.heartbeat.samples;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Loads sample kiosks with histories that look like a real fleet's, so the dashboard can be shown on a fresh install:
 * most steady (a rare short outage), some flapping (several short outages in the last day), some down for hours,
 * some paused, some never heard from. Each kiosk gets its flips and hourly rollups for {@code days} back and its
 * current state; sample projects get a 30-minute period and grace ("sample kiosks report every half hour"), so the
 * picture holds for a while without heartbeats. Seeded by project id, so a project's sample looks the same every
 * time; a project that already has its sample kiosks is skipped (idempotent).
 * <p>
 * Plain SQL in batches: this writes thousands of rows of history in one go, which the state machine would take a
 * day of heartbeats to produce. No token is issued and nothing is published: the sample kiosks are not devices.
 */
@Service
class SampleData {

    static final String NAME_PREFIX = "Sample kiosk ";
    private static final String[] PLACES = { "Gate", "Site office", "Crane cabin", "Canteen", "Loading bay",
            "Tower lobby", "Welfare unit", "Car park" };

    private final JdbcClient jdbc;
    private final Clock clock;

    SampleData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Loads the sample; returns how many kiosks were created (0 for projects that had theirs). */
    @Transactional
    int load(SampleFleet fleet) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int created = 0;
        for (long projectId : fleet.projectIds()) {
            int existing = jdbc.sql("select count(*) from kiosks where project_id = ? and name like ?")
                    .params(projectId, NAME_PREFIX + "%").query(Integer.class).single();
            if (existing >= fleet.kiosksPerProject()) {
                continue;
            }
            jdbc.sql("""
                    insert into project_schedules (project_id, period, grace) values (?, interval '30 minutes', interval '30 minutes')
                    on conflict (project_id) do nothing
                    """).param(projectId).update();
            Random random = new Random(projectId);
            for (int i = existing; i < fleet.kiosksPerProject(); i++) {
                kiosk(projectId, i, random, now, Duration.ofDays(fleet.days()));
                created++;
            }
        }
        return created;
    }

    private void kiosk(long projectId, int index, Random random, Instant now, Duration history) {
        String id = Long.toString(jdbc.sql("select nextval('kiosk_numbers')").query(Long.class).single());
        String name = NAME_PREFIX + (index + 1) + " · " + PLACES[index % PLACES.length];
        Instant registered = now.minus(history).minus(Duration.ofHours(1));
        Kind kind = Kind.of(index);
        List<Spell> spells = spells(kind, random, now, history);
        String status = kind == Kind.NEVER ? "NEW" : kind == Kind.PAUSED ? "PAUSED" : spells.getLast().status();
        Instant since = kind == Kind.NEVER ? registered : kind == Kind.PAUSED ? now.minus(Duration.ofHours(20))
                : spells.getLast().from();
        Instant lastSeen = switch (kind) {
            case NEVER -> null;
            case DOWN -> spells.getLast().from().minus(Duration.ofHours(1));
            case PAUSED -> now.minus(Duration.ofHours(20));
            default -> now.minusSeconds(random.nextInt(600));
        };
        jdbc.sql("""
                insert into kiosks (kiosk_id, project_id, name, status, status_since, last_seen_at, registered_at,
                                    app_version, battery_percent, network, signal_bars)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, projectId, name, status, ts(since), lastSeen == null ? null : ts(lastSeen),
                ts(registered), kind == Kind.NEVER ? null : "3." + (3 + random.nextInt(2)) + "." + random.nextInt(4),
                kind == Kind.NEVER ? null : 20 + random.nextInt(81),
                kind == Kind.NEVER ? null : random.nextBoolean() ? "wifi" : "cellular",
                kind == Kind.NEVER ? null : random.nextInt(5)).update();
        if (kind == Kind.NEVER) {
            return;
        }
        String previous = "NEW";
        List<Spell> flips = new ArrayList<>(spells);
        if (kind == Kind.PAUSED) {
            flips.add(new Spell("PAUSED", since));
        }
        for (Spell spell : flips) {
            jdbc.sql("""
                    insert into kiosk_status_flips (kiosk_id, project_id, from_status, to_status, flipped_at, last_seen_at)
                    values (?, ?, ?, ?, ?, ?)
                    """).params(id, projectId, previous, spell.status(), ts(spell.from()), ts(spell.from())).update();
            previous = spell.status();
        }
        rollups(id, flips, random, now, lastSeen);
    }

    /** Hourly heartbeat counts (about one a minute) for every hour the kiosk was online. */
    private void rollups(String id, List<Spell> flips, Random random, Instant now, Instant lastSeen) {
        Instant hour = flips.getFirst().from().truncatedTo(ChronoUnit.HOURS);
        List<Object[]> rows = new ArrayList<>();
        while (!hour.isAfter(lastSeen)) {
            if (statusAt(flips, hour.plus(Duration.ofMinutes(30))).equals("ONLINE")) {
                rows.add(new Object[] { id, ts(hour), 55 + random.nextInt(6) });
            }
            hour = hour.plus(Duration.ofHours(1));
        }
        for (Object[] row : rows) {
            jdbc.sql("insert into heartbeat_rollups (kiosk_id, hour, heartbeats) values (?, ?, ?) on conflict do nothing")
                    .params(row).update();
        }
    }

    private static String statusAt(List<Spell> flips, Instant at) {
        String status = "NEW";
        for (Spell spell : flips) {
            if (!spell.from().isAfter(at)) {
                status = spell.status();
            }
        }
        return status;
    }

    private static List<Spell> spells(Kind kind, Random random, Instant now, Duration history) {
        List<Spell> spells = new ArrayList<>();
        Instant start = now.minus(history);
        spells.add(new Spell("ONLINE", start));
        int outages = switch (kind) {
            case FLAPPING -> 4 + random.nextInt(5);
            case STEADY -> random.nextInt(3) == 0 ? 1 : 0;
            default -> random.nextInt(2);
        };
        // outages spread over the history, a flapping kiosk's within the last day
        Duration window = kind == Kind.FLAPPING ? Duration.ofHours(22) : history.minus(Duration.ofDays(1));
        Instant windowStart = now.minus(window).minus(Duration.ofHours(1));
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < outages; i++) {
            starts.add(windowStart.plusSeconds((long) (random.nextDouble() * window.toSeconds())));
        }
        starts.sort(null);
        Instant last = start;
        for (Instant outage : starts) {
            if (!outage.isAfter(last.plus(Duration.ofMinutes(20)))) {
                continue;
            }
            Instant back = outage.plus(Duration.ofMinutes(kind == Kind.FLAPPING ? 5 + random.nextInt(25)
                    : 20 + random.nextInt(100)));
            spells.add(new Spell("OFFLINE", outage));
            spells.add(new Spell("ONLINE", back));
            last = back;
        }
        if (kind == Kind.DOWN) {
            spells.add(new Spell("OFFLINE", now.minus(Duration.ofMinutes(60 + random.nextInt(47 * 60)))));
        }
        return spells;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    /** The kinds of history, in the proportions of a real fleet. */
    private enum Kind {
        STEADY, FLAPPING, DOWN, PAUSED, NEVER;

        /** Of every 20 kiosks: 13 steady, 3 flapping, 2 down, 1 paused, 1 never heard from. */
        static Kind of(int index) {
            int slot = index % 20;
            return slot < 13 ? STEADY : slot < 16 ? FLAPPING : slot < 18 ? DOWN : slot < 19 ? PAUSED : NEVER;
        }
    }

    private record Spell(String status, Instant from) {
    }

    static Map<String, Object> answer(int created) {
        return Map.of("created", created);
    }
}
