package com.peptalk.gateway.forwarded;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;

/**
 * An IP address ({@code 10.0.0.7}, {@code ::1}) or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}). Parsed
 * from literals only: a host name would cost a DNS look-up and could change under us.
 */
public final class AddressRange {

    /** The block's first address (host bits cleared). */
    private final byte[] network;

    /** How many leading bits of an address must match. */
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    public static AddressRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an IP address or CIDR block is required");
        }
        String value = text.strip();
        int slash = value.indexOf('/');
        InetAddress address = literal(slash < 0 ? value : value.substring(0, slash));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String suffix = value.substring(slash + 1);
            if (!suffix.matches("\\d{1,3}") || Integer.parseInt(suffix) > bits) {
                throw new IllegalArgumentException("the prefix length of " + value + " must be 0 to " + bits);
            }
            prefix = Integer.parseInt(suffix);
        }
        byte[] network = address.getAddress();
        for (int bit = prefix; bit < bits; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new AddressRange(network, prefix);
    }

    /** An address literal (IPv4 or IPv6, IPv4-mapped IPv6 read as IPv4), without any DNS look-up. */
    public static InetAddress literal(String text) {
        try {
            return InetAddress.ofLiteral(text);
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Validates that a setting is an {@link AddressRange}. */
    @Documented
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Format.Validator.class)
    public @interface Format {

        String message() default "must be an IP address or a CIDR block such as 10.0.0.0/8";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Format, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null) {
                    return true; // @NotNull's job
                }
                try {
                    parse(value);
                    return true;
                }
                catch (IllegalArgumentException invalid) {
                    return false;
                }
            }
        }
    }
}
