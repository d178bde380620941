/** Test support every domain service's tests use (shipped as the kit's test jar): a real broker with fresh directories, polling, and headless Chromium for page tests. */
package dev.apprentice.service.testing;
