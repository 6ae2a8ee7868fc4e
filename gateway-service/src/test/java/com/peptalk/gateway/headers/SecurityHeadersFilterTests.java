package com.peptalk.gateway.headers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersFilterTests {

    @Test
    void keepsAServicesOtherDirectivesAndDropsItsFrameAncestors() {
        assertThat(SecurityHeadersFilter.withoutFrameAncestors(
                List.of("default-src 'self'; Frame-Ancestors 'self' ; img-src data:")))
                .containsExactly("default-src 'self'; img-src data:");
    }

    @Test
    void readsSeveralPoliciesInOneHeaderLineAndDropsOnesLeftEmpty() {
        assertThat(SecurityHeadersFilter.withoutFrameAncestors(
                List.of("frame-ancestors *, script-src 'self'", "frame-ancestors 'none';")))
                .containsExactly("script-src 'self'");
    }

    @Test
    void leavesDirectivesThatOnlyStartLikeFrameAncestorsAlone() {
        assertThat(SecurityHeadersFilter.withoutFrameAncestors(List.of("frame-ancestors-x y")))
                .containsExactly("frame-ancestors-x y");
    }

    @Test
    void hasNothingToKeepWhenTheServiceSentNoPolicy() {
        assertThat(SecurityHeadersFilter.withoutFrameAncestors(null)).isEmpty();
    }
}
