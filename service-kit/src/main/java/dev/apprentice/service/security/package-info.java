/**
 * API-key authentication with roles (administrators, decision clients, and keys scoped to one
 * subject whose data is personal), and the limits that keep keys and attempts from being guessed.
 */
package dev.apprentice.service.security;
