package com.peptalk.token.refusals;

import java.util.List;

/** A list of ids in the request names some that do not exist; nothing was changed. */
public class UnknownIdsException extends RuntimeException {

    private final String field;
    private final List<Long> unknownIds;

    public UnknownIdsException(String field, List<Long> unknownIds) {
        super(field + " contains ids that do not exist: " + unknownIds);
        this.field = field;
        this.unknownIds = List.copyOf(unknownIds);
    }

    public String field() {
        return field;
    }

    public List<Long> unknownIds() {
        return unknownIds;
    }
}
