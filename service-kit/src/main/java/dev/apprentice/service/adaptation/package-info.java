/** Adapting a domain's meta-model to one person from their stored demonstrations, and serving the result. */
package dev.apprentice.service.adaptation;
