package com.peptalk.automation.refusals;

import java.util.List;

/** Ids named in the body (projects, a project group, a template version) do not exist: answered 422; nothing saved. */
public class UnknownIdsException extends RuntimeException {

    private final String field;
    private final List<?> unknownIds;

    public UnknownIdsException(String field, List<?> unknownIds) {
        super(field + " names unknown ids " + unknownIds);
        this.field = field;
        this.unknownIds = List.copyOf(unknownIds);
    }

    public String field() {
        return field;
    }

    public List<?> unknownIds() {
        return unknownIds;
    }
}
