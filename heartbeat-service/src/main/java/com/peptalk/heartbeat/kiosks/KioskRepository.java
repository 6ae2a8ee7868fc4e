package com.peptalk.heartbeat.kiosks;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface KioskRepository extends JpaRepository<Kiosk, String> {

    /** The next kiosk number (the {@code kiosk_numbers} sequence); numbers are never reused. */
    @Query(value = "select nextval('kiosk_numbers')", nativeQuery = true)
    long nextNumber();
}
