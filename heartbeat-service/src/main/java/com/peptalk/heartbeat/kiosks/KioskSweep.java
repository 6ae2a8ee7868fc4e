package com.peptalk.heartbeat.kiosks;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Moves kiosks to LATE and OFFLINE on time even when no heartbeat arrives: every {@code sweep-interval}, on one
 * replica at a time (ShedLock's lock row; the other replicas skip the run), batch after batch until none is due.
 */
@Component
class KioskSweep {

    private final KioskStates states;
    private final HeartbeatProperties properties;
    private final Clock clock;

    KioskSweep(KioskStates states, HeartbeatProperties properties, Clock clock) {
        this.states = states;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${peptalk.heartbeats.sweep-interval:15s}")
    @SchedulerLock(name = "kiosk-sweep", lockAtMostFor = "PT5M")
    void sweep() {
        while (states.sweep(clock.instant()) == properties.sweepBatch()) {
            // a full batch: more may be due
        }
    }
}
