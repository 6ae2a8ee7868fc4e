package com.peptalk.tracking.kiosks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.peptalk.web.problem.Problems;

import java.util.List;

/**
 * The answer to an accepted post (202): how many heartbeats were published to {@code kiosk.heartbeats} and how many
 * refused, with each item's outcome in request order. A refused item names its fields as
 * {@code heartbeats[<index>].<field>}; the accepted ones are published all the same.
 */
public record IngestResult(int accepted, int rejected, List<Item> results) {

    /** One heartbeat's outcome: {@code accepted} or {@code rejected} with the fields at fault. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(int index, String status, List<Problems.FieldError> errors) {

        static Item accepted(int index) {
            return new Item(index, "accepted", List.of());
        }

        static Item rejected(int index, List<Problems.FieldError> errors) {
            return new Item(index, "rejected", errors);
        }
    }
}
