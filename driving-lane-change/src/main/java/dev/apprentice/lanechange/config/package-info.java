/** The service's typed configuration ({@code lane-change.*} keys). */
package dev.apprentice.lanechange.config;
