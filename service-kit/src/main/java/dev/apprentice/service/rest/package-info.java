/** The endpoints every domain service has, under {@code quarkus.rest.path} = {@code /api/v1/<domain>}: decisions, training jobs, registry, experts, ingest, dashboard, live view, ping. */
package dev.apprentice.service.rest;
