package com.peptalk.automation.templates;

/**
 * How an SMS text travels (3GPP TS 23.038, as Twilio bills it): in GSM-7 when every character is in the GSM 03.38
 * basic set or its extension table (an extension character takes two septets), 160 septets in one segment or 153 per
 * segment when concatenated; otherwise in UCS-2, 70 UTF-16 code units in one segment or 67 per segment.
 *
 * @param encoding {@code GSM-7} or {@code UCS-2}
 * @param length septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments messages the text is split into (0 for an empty text)
 */
public record SmsSegments(String encoding, int length, int segments) {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            }
            else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            }
            else {
                gsm = false;
            }
        }
        if (gsm) {
            return new SmsSegments("GSM-7", septets, segments(septets, 160, 153));
        }
        return new SmsSegments("UCS-2", text.length(), segments(text.length(), 70, 67));
    }

    private static int segments(int length, int single, int perPart) {
        if (length == 0) {
            return 0;
        }
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }
}
