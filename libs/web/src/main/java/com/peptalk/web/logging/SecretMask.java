package com.peptalk.web.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log backstop's rules: masks anything shaped like a secret in a text, whatever put it there. Code must not log
 * secrets in the first place; this catches what slips through (a container's error message quoting a request, a
 * third-party DEBUG line). Masked shapes:
 * <ul>
 *   <li>our API tokens, {@code ppt_<kind>_<secret>} (also with the underscores percent-encoded), keeping the kind;</li>
 *   <li>bearer and basic credentials after {@code Bearer} / {@code Basic};</li>
 *   <li>JSON Web Tokens ({@code eyJ…​.…​.…}, RFC 7519 compact form);</li>
 *   <li>AWS access key ids ({@code AKIA…}, {@code ASIA…});</li>
 *   <li>the query string of an address ({@code ?a=b&c=d} becomes {@code ?****}): in this platform a query can carry
 *       a token (the Procore iframe's {@code api_token}), and a request logged by a framework at DEBUG quotes it;</li>
 *   <li>the value of a {@code name=value} or {@code "name":"value"} pair whose name says it holds a secret
 *       ({@code api_token}, {@code token}, {@code secret}, {@code password}, {@code auth_token},
 *       {@code signature}, {@code key}…).</li>
 * </ul>
 */
public final class SecretMask {

    static final String MASK = "****";

    private static final Pattern API_TOKEN = Pattern.compile(
            "ppt(?:_|%5[fF])([a-z]{2})(?:_|%5[fF])[A-Za-z0-9_%-]{6,}");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic)(\\s+|%20|\\+)[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern QUERY = Pattern.compile("\\?(?=[^\\s\"']*=)[^\\s\"']*");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)([\"']?(?:api[_-]?token|access[_-]?token|auth[_-]?token|token|secret|password|passwd|api[_-]?key"
                    + "|signing[_-]?key|signature|authorization|x-api-key)[\"']?\\s*(?:=|:|%3[dD])\\s*[\"']?)"
                    + "([^\\s&\"',;}\\]]+)");

    /** The text with every secret-shaped part replaced by a mask; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = API_TOKEN.matcher(text).replaceAll("ppt_$1_" + MASK);
        masked = CREDENTIAL.matcher(masked).replaceAll("$1 " + MASK);
        masked = JWT.matcher(masked).replaceAll(MASK);
        masked = AWS_KEY_ID.matcher(masked).replaceAll(MASK);
        masked = QUERY.matcher(masked).replaceAll("?" + MASK);
        Matcher named = NAMED_SECRET.matcher(masked);
        return named.replaceAll(result -> Matcher.quoteReplacement(result.group(1)) + MASK);
    }

    private SecretMask() {
    }
}
