package com.peptalk.events.runtime;

import com.peptalk.events.EventCodec;
import com.peptalk.events.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Consumer;

/**
 * The one way a listener handles an event: decode it (an undecodable record is dead-lettered at once), then
 * run the handler at most once per {@code ce_id} for that consumer, in one database transaction with the
 * de-duplication claim. Exceptions propagate, so the container's error handler retries with back-off and
 * finally dead-letters the record.
 */
public class EventInbox {

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;

    public EventInbox(EventCodec codec, ProcessedEvents processed, TransactionTemplate transactions) {
        this.codec = codec;
        this.processed = processed;
        this.transactions = transactions;
    }

    /** Returns true when the handler ran, false when the event was a duplicate. */
    public boolean receive(String consumer, ConsumerRecord<String, byte[]> record, Consumer<ReceivedEvent> handler) {
        ReceivedEvent received = codec.fromRecord(record);
        Boolean handled = transactions.execute(status -> {
            if (!processed.claim(consumer, received.envelope().id())) {
                return false;
            }
            handler.accept(received);
            return true;
        });
        return Boolean.TRUE.equals(handled);
    }
}
