package com.peptalk.automation.recipients;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers through libphonenumber: only numbers written with their country code ({@code +…}) are accepted, and
 * they are stored in E.164 (ITU-T E.164, as Twilio expects them). "Possible" rather than "valid": Twilio's magic test
 * numbers (+1 500 555 …) are in no numbering plan libphonenumber ships, yet are the numbers development uses.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    static boolean valid(String input) {
        return parse(input) != null;
    }

    /** The number in E.164; the input must be {@link #valid(String)}. */
    static String e164(String input) {
        PhoneNumber number = parse(input);
        if (number == null) {
            throw new IllegalArgumentException("not a phone number in E.164 form");
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static PhoneNumber parse(String input) {
        String stripped = input.strip();
        if (!stripped.startsWith("+") || stripped.length() > 32) {
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(stripped, null);
            return UTIL.isPossibleNumber(number) ? number : null;
        }
        catch (NumberParseException ex) {
            return null;
        }
    }

    private PhoneNumbers() {
    }
}
