/** The behaviour-based phone authentication service: the domain bean the service kit builds on. */
package dev.apprentice.phonesecurity;
