package com.peptalk.testsupport.archfixture.iframe.dashboard;

/** A class of another service. */
public record Dashboard(long projectId) {
}
