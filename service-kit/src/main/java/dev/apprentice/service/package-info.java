/** The shared Quarkus service layer: a domain module provides one {@link dev.apprentice.service.domain.ImitationDomain} bean and gets ingestion, training, registry, serving, keys, errors, health, metrics and the page. */
package dev.apprentice.service;
