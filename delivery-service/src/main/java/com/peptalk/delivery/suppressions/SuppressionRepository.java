package com.peptalk.delivery.suppressions;

import com.peptalk.events.comms.Channel;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SuppressionRepository extends JpaRepository<Suppression, Suppression.Key> {

    /** Suppresses, or refreshes the reason of, an address: an upsert, so two reports at once both succeed. */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into suppressions (channel, address, reason, source, created_at, updated_at)
            values (:channel, :address, :reason, :source, now(), now())
            on conflict (channel, address) do update
            set reason = excluded.reason, source = excluded.source, updated_at = now()
            """)
    int upsert(String channel, String address, String reason, String source);

    @Modifying
    @Query("delete from Suppression s where s.channel = :channel and s.address = :address")
    int lift(Channel channel, String address);

    /** Suppressions whose address contains {@code address} ("" for all), in the page's order. */
    Page<Suppression> findByAddressContaining(String address, Pageable page);

    Page<Suppression> findByChannelAndAddressContaining(Channel channel, String address, Pageable page);
}
