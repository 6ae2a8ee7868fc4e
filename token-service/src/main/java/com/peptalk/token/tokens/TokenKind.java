package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;

import java.util.Arrays;

/**
 * The seed's polymorphic association: each token type stands for one resource type, stored as
 * {@code api_token_type} (lower case) and {@code resource_type} (the model name).
 */
public enum TokenKind {
    COMPANY(ApiTokenType.COMPANY, "company", "Company"),
    PROJECT(ApiTokenType.PROJECT, "project", "Project"),
    PROJECT_GROUP(ApiTokenType.PROJECT_GROUP, "project_group", "ProjectGroup"),
    USER(ApiTokenType.USER, "user", "User"),
    KIOSK(ApiTokenType.KIOSK, "kiosk", "Kiosk");

    private final ApiTokenType type;
    private final String column;
    private final String resourceType;

    TokenKind(ApiTokenType type, String column, String resourceType) {
        this.type = type;
        this.column = column;
        this.resourceType = resourceType;
    }

    public ApiTokenType type() {
        return type;
    }

    public String column() {
        return column;
    }

    public String resourceType() {
        return resourceType;
    }

    /**
     * The kind named by any spelling the API emits or the seed uses: the {@code api_token_type} column
     * ({@code project_group}), the resource type ({@code ProjectGroup}) or the constant ({@code PROJECT_GROUP}),
     * ignoring case. Throws {@link IllegalArgumentException} for anything else.
     */
    public static TokenKind parse(String text) {
        return Arrays.stream(values())
                .filter(k -> k.column.equalsIgnoreCase(text) || k.resourceType.equalsIgnoreCase(text)
                        || k.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a token kind"));
    }

    static TokenKind ofColumn(String column) {
        return Arrays.stream(values()).filter(k -> k.column.equals(column)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown api_token_type " + column));
    }
}
