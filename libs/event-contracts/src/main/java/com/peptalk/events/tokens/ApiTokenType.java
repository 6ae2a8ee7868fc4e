package com.peptalk.events.tokens;

/** What an API token stands for (the seed's {@code api_token_type}, plus kiosks). */
public enum ApiTokenType {
    COMPANY, PROJECT, PROJECT_GROUP, USER, KIOSK
}
