/** API-key authentication with roles: administrators, decision clients (and later keys scoped to one user's models). */
package dev.apprentice.service.security;
