package com.peptalk.automation.workflows;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The trigger types workflows start on: {@code manual}, {@code kiosk.offline}, {@code kiosk.online} and
 * {@code procore.<resource>.<create|update|delete>}, where the resource is Procore's webhook resource name lower-cased
 * and snake_cased ({@code Observations} → {@code observations}, {@code Change Events} → {@code change_events}).
 * Anything else is an unknown type: a workflow cannot name it, and a trigger of it is recorded and ignored.
 */
public final class TriggerTypes {

    public static final String MANUAL = "manual";
    public static final String KIOSK_OFFLINE = "kiosk.offline";
    public static final String KIOSK_ONLINE = "kiosk.online";

    private static final Pattern PROCORE = Pattern.compile("procore\\.[a-z][a-z0-9_]{0,79}\\.(create|update|delete)");

    public static boolean known(String type) {
        return type != null && (MANUAL.equals(type) || KIOSK_OFFLINE.equals(type) || KIOSK_ONLINE.equals(type)
                || PROCORE.matcher(type).matches());
    }

    /** {@code procore.<resource>.<event>} of a Procore webhook's resource name and event type. */
    public static String procore(String resourceName, String eventType) {
        String resource = resourceName.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", "").toLowerCase(Locale.ROOT);
        return "procore." + resource + "." + eventType.strip().toLowerCase(Locale.ROOT);
    }

    private TriggerTypes() {
    }
}
