/** The domains one service hosts: the registry that builds each domain's ingestion, store, jobs, serving and policy topic, and the beans that keep a single-domain service's injection points. */
package dev.apprentice.service.hosting;
