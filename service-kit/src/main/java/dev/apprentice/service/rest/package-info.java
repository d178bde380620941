/** The endpoints every hosted domain has, under {@code quarkus.rest.path} = {@code /api/v1} and the domain's name ({@code /api/v1/<domain>/...}): decisions, training jobs, registry, experts, ingest, dashboard, live view, ping. */
package dev.apprentice.service.rest;
