package com.peptalk.testsupport.archfixture.token.web;

/** A feature that uses no other. */
public record Problem(String type) {
}
