/** Versioned policy artefacts (weights plus model card) on disk: atomic writes, checksum verification, listing, promotion and rollback that survive a damaged promotion record and concurrent writers. */
package dev.apprentice.il.registry;
