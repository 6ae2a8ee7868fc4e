package com.peptalk.events.tokens;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * What an API token stands for: the platform's one vocabulary for the token kind, in the seed's words
 * ({@code company}, {@code project}, {@code project_group}, {@code user}, {@code kiosk}), which is also how it is
 * written in JSON (events, the introspection answer, the token API) and in the {@code api_token_type} column. Each
 * kind stands for one resource of the seed's polymorphic association, named by its model name ({@code resourceType}:
 * {@code ProjectGroup}).
 */
public enum ApiTokenType {
    COMPANY("company", "Company"),
    PROJECT("project", "Project"),
    PROJECT_GROUP("project_group", "ProjectGroup"),
    USER("user", "User"),
    KIOSK("kiosk", "Kiosk");

    private final String word;
    private final String resourceType;

    ApiTokenType(String word, String resourceType) {
        this.word = word;
        this.resourceType = resourceType;
    }

    /** The seed's word: {@code project_group}. */
    @JsonValue
    public String word() {
        return word;
    }

    /** The model name of the resource a token of this kind points at: {@code ProjectGroup}. */
    public String resourceType() {
        return resourceType;
    }

    /**
     * The kind named by any spelling the platform writes or wrote: the seed's word ({@code project_group}), the
     * model name ({@code ProjectGroup}) or the constant ({@code PROJECT_GROUP}, as events before the vocabulary was
     * settled carried it), ignoring case. Throws {@link IllegalArgumentException} for anything else.
     */
    @JsonCreator
    public static ApiTokenType parse(String text) {
        return Arrays.stream(values())
                .filter(kind -> kind.word.equalsIgnoreCase(text) || kind.resourceType.equalsIgnoreCase(text)
                        || kind.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an API token type"));
    }
}
