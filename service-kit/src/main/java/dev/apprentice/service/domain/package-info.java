/** The domain contract: what a domain module provides (one {@link dev.apprentice.service.domain.ImitationDomain} bean) so that the kit can ingest, train, evaluate, promote and serve for it. */
package dev.apprentice.service.domain;
