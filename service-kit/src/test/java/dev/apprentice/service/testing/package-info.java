/** Test support every domain service's tests use (shipped as the kit's test jar): a real broker with fresh directories, and polling. */
package dev.apprentice.service.testing;
