/**
 * The directory: companies, their projects, project groups (a company's named sets of projects) and users, with
 * the JSON admin API under {@code /api/directory}. Every change is written together with its
 * {@code directory.events} event in one transaction (the outbox), so consumers' projections never miss or invent
 * a change. Companies, projects and users are archived or deactivated rather than deleted, because tokens and
 * other services keep referring to them; a project group is really deleted.
 */
package com.peptalk.token.directory;
