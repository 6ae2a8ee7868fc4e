/**
 * The pages Procore embeds: token check (through token-service, cached), the project-group project list, the project
 * dashboard, error pages, and the headers that let Procore, and only Procore, frame them.
 */
package com.peptalk.iframe.procore;
