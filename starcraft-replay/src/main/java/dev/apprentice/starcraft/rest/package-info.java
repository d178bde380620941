/** The service's own endpoints: replay upload and timelines, the production catalogue, pysc2-shaped minigame actions, the page. */
package dev.apprentice.starcraft.rest;
