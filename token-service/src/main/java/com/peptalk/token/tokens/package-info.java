/** API tokens: issue, batch-generate for project groups, rotate, revoke, introspect. */
package com.peptalk.token.tokens;
