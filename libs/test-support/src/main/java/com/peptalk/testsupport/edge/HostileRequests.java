package com.peptalk.testsupport.edge;

import com.peptalk.testsupport.RawHttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed and hostile HTTP requests, as bytes: the named classes of the web edge contract, and a seeded random
 * mix of them for fuzzing every route (the same seed gives the same requests; {@code -Dpeptalk.fuzz.seed=N} and
 * {@code -Dpeptalk.fuzz.requests=N} change seed and count). Every request carries the given secrets somewhere (query
 * values and names, path, headers, bodies), so that a test can look for them in the logs.
 */
public final class HostileRequests {

    /** One request: a name for the report, the path it targets (to know page from API), its bytes. */
    public record Hostile(String name, String path, byte[] bytes) {
    }

    static final String[] PATH_SEGMENTS = { "%FF", "%C3%28", "%00", "%2e%2e", "%2F", "%5C", "\\", "%u002e", ";x=1",
            "{{procore.project.id}}", "%25", "x".repeat(300), "%F0%9F%98%80", "*", "'", "%22", "%3Cscript%3E",
            "%0d%0aSet-Cookie:%20x=1", "-1", "99999999999999999999", "1e308", "0x10", "NaN", "%20", "..;", "." };
    static final String[] VALUES = { "%FF", "%C3%28", "%00", "%1B%5B31m", "%07", "{{x}}", "|[]^`", "%", "%%%",
            "%E2%80%8B", "-1", "99999999999999999999", "1e308", "4.9", "true", "", "x".repeat(2000), "%2e%2e%2f",
            "<script>", "%0d%0a", "+", "a%20b", "%F0%9F%98%80", "null" };
    static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=foo",
            "application/json;charset=UTF-16", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=x", "%%%", "*/*", "application/xml", "application/problem+json" };
    static final String[] BODIES = { "", "{", "[]", "null", "{\"a\":1}", "%%%", "a=1&a=2", "[".repeat(5000),
            "{\"id\":99999999999999999999}", "{\"id\":1e308}", "{\"name\":\"\\u0000\"}", "{\"name\":\"\\u001b[31m\"}",
            "{\"name\":\"\\u200b\"}", "{\"x\":NaN}", "\u0000\u0001", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}" };
    static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "MFOO1", "TRACE" };

    /** The named classes of bad input, against an API path and (if the service has one) a page path. */
    public static List<Hostile> classes(String apiPath, String pagePath, String postPath, String tokenSecret,
            String opaqueSecret) {
        List<Hostile> requests = new ArrayList<>();
        for (String path : pagePath == null ? List.of(apiPath) : List.of(apiPath, pagePath)) {
            String secrets = "api_token=" + tokenSecret + "&x=" + opaqueSecret;
            requests.add(get("query not UTF-8", path, path + "?" + secrets + "%FF"));
            requests.add(get("query with bad escape", path, path + "?" + secrets + "&y=%C3%28&" + opaqueSecret + "=%"));
            requests.add(get("secret as a parameter name", path, path + "?" + tokenSecret + "%FF=1"));
            requests.add(get("control characters in query", path, path + "?q=%00&" + secrets + "%1B"));
            requests.add(get("raw braces in query", path, path + "?" + secrets + "&p={{procore.project.id}}|[]^"));
            requests.add(get("request line over 4 kB", path, path + "?" + secrets + "&pad=" + "a".repeat(10_000)));
            requests.add(get("request line over the container ceiling", path, path + "?" + secrets + "&pad="
                    + "a".repeat(70_000)));
            requests.add(raw("headers over 8 kB", path, "GET " + path + "?" + secrets + " HTTP/1.1\r\nHost: x\r\n"
                    + "X-Pad: " + "a".repeat(9_000) + "\r\nAuthorization: Bearer " + tokenSecret + "\r\n"
                    + "Connection: close\r\n\r\n"));
            requests.add(raw("backslash in path", path, "GET " + path + "\\x?" + secrets
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            requests.add(get("%u002e in path", path, path + "/%u002e%u002e/x?" + secrets));
            requests.add(get("encoded slash in path", path, path + "%2F..%2Fx?" + secrets));
            requests.add(get("trailing slash", path, path + "/?" + secrets));
            requests.add(get("unknown path", path, path + "/does-not-exist?x=" + opaqueSecret));
            requests.add(raw("no Host", path, "GET " + path + "?" + secrets + " HTTP/1.1\r\nConnection: close\r\n\r\n"));
            requests.add(raw("two Host headers", path, "GET " + path + "?" + secrets
                    + " HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"));
            requests.add(raw("invented method", path, "MFOO1 " + path + "?" + secrets
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            requests.add(body("form body %%%", path, "POST", path + "?" + secrets, "application/x-www-form-urlencoded",
                    "%%%&" + secrets + "%FF"));
            requests.add(body("1,000 form fields", path, "POST", path, "application/x-www-form-urlencoded",
                    "ids=1&".repeat(1000) + secrets));
            requests.add(body("declared length over the limit", path, "POST", path + "?" + secrets, "application/json",
                    "{\"name\":\"" + tokenSecret + "\",\"pad\":\"" + "a".repeat(100_000) + "\"}"));
        }
        String post = postPath == null ? apiPath : postPath;
        requests.add(new Hostile("chunked body over the limit", post, RawHttp.chunked("POST", post + "?x="
                + opaqueSecret, "application/json", ("{\"name\":\"" + tokenSecret + "\",\"pad\":\"" + "a".repeat(100_000)
                        + "\"}").getBytes(StandardCharsets.UTF_8))));
        requests.add(body("malformed JSON", post, "POST", post, "application/json", "{\"name\":\"" + tokenSecret
                + "\",\"x\":" + opaqueSecret));
        // a field name is echoed (the answer must name the field), masked when it is shaped like a secret
        requests.add(body("unknown JSON field", post, "POST", post, "application/json", "{\"" + tokenSecret + "\":\""
                + opaqueSecret + "\"}"));
        requests.add(body("control character in JSON text", post, "POST", post, "application/json",
                "{\"name\":\"\\u0000" + tokenSecret + "\"}"));
        requests.add(body("number out of range", post, "POST", post, "application/json",
                "{\"id\":99999999999999999999,\"name\":\"" + tokenSecret + "\"}"));
        requests.add(body("unknown charset", post, "POST", post, "application/json; charset=" + opaqueSecret,
                "{\"name\":\"" + tokenSecret + "\"}"));
        requests.add(body("not JSON at all", post, "POST", post, "text/plain", tokenSecret));
        requests.add(body("bad Idempotency-Key", post, "POST", post, "application/json\r\nIdempotency-Key: \u0001"
                + opaqueSecret, "{}"));
        return requests;
    }

    /** {@code count} requests mixing methods, hostile paths, queries, headers and bodies over the given routes. */
    public static List<Hostile> fuzz(List<String> routes, long seed, int count, String tokenSecret,
            String opaqueSecret) {
        Random random = new Random(seed);
        List<Hostile> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String route = routes.get(random.nextInt(routes.size()));
            String path = route.replaceAll("\\{[^}]*}", java.util.regex.Matcher.quoteReplacement(pick(random, PATH_SEGMENTS)));
            if (random.nextInt(4) == 0) {
                path = path + "/" + pick(random, PATH_SEGMENTS);
            }
            StringBuilder query = new StringBuilder();
            int parameters = random.nextInt(4);
            for (int p = 0; p < parameters; p++) {
                query.append(p == 0 ? "?" : "&").append(random.nextInt(5) == 0 ? pick(random, VALUES) : "q")
                        .append('=').append(pick(random, VALUES));
            }
            query.append(query.isEmpty() ? "?" : "&").append(random.nextBoolean() ? "api_token=" + tokenSecret
                    : "x=" + opaqueSecret);
            String method = pick(random, METHODS);
            String body = random.nextInt(3) == 0 ? null : pick(random, BODIES).replace("\"a\"", "\"" + tokenSecret
                    + "\"");
            String headers = "Content-Type: " + pick(random, CONTENT_TYPES) + "\r\n"
                    + (random.nextBoolean() ? "Accept: " + pick(random, CONTENT_TYPES) + "\r\n" : "")
                    + (random.nextInt(4) == 0 ? "Authorization: Bearer " + tokenSecret + "\r\n" : "")
                    + (random.nextInt(4) == 0 ? "Idempotency-Key: " + opaqueSecret + i + "\r\n" : "");
            String name = "fuzz #" + i + " (seed " + seed + "): " + method + " " + abbreviate(path + query);
            byte[] bodyBytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            if (bodyBytes != null && random.nextBoolean()) {
                requests.add(new Hostile(name + " chunked", route, RawHttp.chunked(method, path + query,
                        pick(random, CONTENT_TYPES), bodyBytes)));
            }
            else {
                requests.add(new Hostile(name, route, request(method, path + query, headers, bodyBytes)));
            }
        }
        return requests;
    }

    private static Hostile get(String name, String path, String target) {
        return new Hostile(name, path, request("GET", target, "", null));
    }

    private static Hostile raw(String name, String path, String bytes) {
        return new Hostile(name, path, bytes.getBytes(StandardCharsets.UTF_8));
    }

    private static Hostile body(String name, String path, String method, String target, String contentType,
            String body) {
        return new Hostile(name, path, request(method, target, "Content-Type: " + contentType + "\r\n",
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] request(String method, String target, String headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n").append(headers);
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            return start;
        }
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private HostileRequests() {
    }
}
