/**
 * The contract of token-service's introspection endpoint ({@code POST /internal/tokens/introspect}): one record,
 * {@link com.peptalk.tokencontracts.Introspection}, that token-service answers with and the token client reads.
 * Samples of the wire form are checked in under {@code docs/introspection/}.
 */
package com.peptalk.tokencontracts;
