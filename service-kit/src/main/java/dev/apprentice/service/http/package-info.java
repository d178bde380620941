/** HTTP hardening shared by every endpoint: body limits per endpoint, JSON content types, strict JSON parsing. */
package dev.apprentice.service.http;
