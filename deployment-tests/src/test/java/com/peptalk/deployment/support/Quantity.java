package com.peptalk.deployment.support;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ({@code 250m}, {@code 2}, {@code 768Mi}, {@code 1G}) as plain numbers. */
public final class Quantity {

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("k", BigDecimal.valueOf(1_000L)), Map.entry("M", BigDecimal.valueOf(1_000_000L)),
            Map.entry("G", BigDecimal.valueOf(1_000_000_000L)), Map.entry("T", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("m", new BigDecimal("0.001")));

    private Quantity() {
    }

    public static BigDecimal parse(Object quantity) {
        String text = String.valueOf(quantity).trim();
        for (int length = 2; length >= 1; length--) {
            if (text.length() > length) {
                BigDecimal factor = SUFFIXES.get(text.substring(text.length() - length));
                if (factor != null) {
                    return new BigDecimal(text.substring(0, text.length() - length)).multiply(factor);
                }
            }
        }
        return new BigDecimal(text);
    }
}
