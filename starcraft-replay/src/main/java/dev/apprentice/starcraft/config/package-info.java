/** The StarCraft II service's own settings (the kit's are per domain). */
package dev.apprentice.starcraft.config;
