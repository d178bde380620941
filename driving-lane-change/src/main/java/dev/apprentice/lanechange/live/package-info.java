/** The live view behind the web page: the promoted policy and the expert driving the same seeded highway, frame by frame. */
package dev.apprentice.lanechange.live;
