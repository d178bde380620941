/** Versioned policy artefacts (weights plus model card) on disk: atomic writes, checksum verification, listing, promotion and rollback. */
package dev.apprentice.il.registry;
