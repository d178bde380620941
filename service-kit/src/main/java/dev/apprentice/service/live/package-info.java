/** The live view: the served policy and the domain's expert on the same seeded episode, frame by frame, streamed to the page. */
package dev.apprentice.service.live;
