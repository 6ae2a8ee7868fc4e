package com.peptalk.automation.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTests {

    @Test
    void countsGsm7TextInSeptetsWith160InOneSegmentAnd153PerPartBeyond() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments("GSM-7", 161, 2));
        assertThat(SmsSegments.of("a".repeat(306))).isEqualTo(new SmsSegments("GSM-7", 306, 2));
        assertThat(SmsSegments.of("a".repeat(307))).isEqualTo(new SmsSegments("GSM-7", 307, 3));
    }

    @Test
    void countsAnExtensionCharacterAsTwoSeptets() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
        assertThat(SmsSegments.of("€".repeat(81))).isEqualTo(new SmsSegments("GSM-7", 162, 2));
    }

    @Test
    void fallsBackToUcs2ForAnyCharacterOutsideGsm7With70InOneSegmentAnd67PerPart() {
        assertThat(SmsSegments.of("Crane down ✅")).isEqualTo(new SmsSegments("UCS-2", 12, 1));
        assertThat(SmsSegments.of("ç".repeat(70))).isEqualTo(new SmsSegments("UCS-2", 70, 1));
        assertThat(SmsSegments.of("ç".repeat(71))).isEqualTo(new SmsSegments("UCS-2", 71, 2));
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments("GSM-7", 0, 0));
    }
}
