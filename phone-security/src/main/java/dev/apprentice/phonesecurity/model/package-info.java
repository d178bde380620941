/**
 * The imitation model of an owner: the population's behaviour model learned from background
 * people, each owner's behaviour policy π(a | s) adapted from it, the owner-versus-others
 * discriminator D(s, a), and their fused, calibrated score.
 */
package dev.apprentice.phonesecurity.model;
