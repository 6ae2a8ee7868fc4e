package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads an {@link ApiTokenType} in a query parameter ({@code ?resourceType=ProjectGroup}) in every spelling the API
 * itself emits ({@link ApiTokenType#parse}); anything else is a 400 naming the parameter.
 */
@Component
class ApiTokenTypeConverter implements Converter<String, ApiTokenType> {

    @Override
    public ApiTokenType convert(String source) {
        return ApiTokenType.parse(source.trim());
    }
}
