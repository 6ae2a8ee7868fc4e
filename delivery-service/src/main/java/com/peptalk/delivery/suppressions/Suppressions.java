package com.peptalk.delivery.suppressions;

import com.peptalk.delivery.messages.Page;
import com.peptalk.events.comms.Channel;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Optional;

/**
 * The suppression list: addresses that bounced hard, complained, opted out (STOP, one-click unsubscribe) or that an
 * admin added. Email addresses are compared in lower case; phone numbers as E.164.
 */
@Service
public class Suppressions {

    private final SuppressionRepository repository;

    Suppressions(SuppressionRepository repository) {
        this.repository = repository;
    }

    /** Why {@code address} is suppressed on {@code channel}, or empty when it may be sent to. */
    @Transactional(readOnly = true)
    public Optional<String> reasonFor(Channel channel, String address) {
        return repository.findById(new Suppression.Key(channel, normalised(channel, address)))
                .map(suppression -> suppression.view().reason());
    }

    @Transactional
    public void suppress(Channel channel, String address, String reason, String source) {
        repository.upsert(channel.name(), normalised(channel, address), reason, source);
    }

    /** Lifts a suppression; false when there was none. */
    @Transactional
    public boolean lift(Channel channel, String address) {
        return repository.lift(channel, normalised(channel, address)) > 0;
    }

    @Transactional(readOnly = true)
    public Optional<SuppressionView> find(Channel channel, String address) {
        return repository.findById(new Suppression.Key(channel, normalised(channel, address))).map(Suppression::view);
    }

    @Transactional(readOnly = true)
    public Page<SuppressionView> search(Channel channel, String address, int page, int size) {
        String part = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("address")));
        var found = channel == null ? repository.findByAddressContaining(part, request)
                : repository.findByChannelAndAddressContaining(channel, part, request);
        return Page.of(found.map(Suppression::view).getContent(), page, size, found.getTotalElements());
    }

    static String normalised(Channel channel, String address) {
        String trimmed = address.strip();
        return channel == Channel.EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }
}
