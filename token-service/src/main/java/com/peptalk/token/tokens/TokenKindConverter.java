package com.peptalk.token.tokens;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link TokenKind} in a query parameter ({@code ?resourceType=ProjectGroup}) in every spelling the API
 * itself emits ({@link TokenKind#parse}); anything else is a 400 naming the parameter.
 */
@Component
class TokenKindConverter implements Converter<String, TokenKind> {

    @Override
    public TokenKind convert(String source) {
        return TokenKind.parse(source.trim());
    }
}
