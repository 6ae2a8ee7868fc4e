/**
 * A miniature platform for {@code ArchitectureRulesTests}: a service "token" with three features and one class
 * for each seeded violation (named so: {@code Seeded*}), a service "iframe", event contracts and a client library.
 */
package com.peptalk.testsupport.archfixture;
