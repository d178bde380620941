/** How lane-change policies are learned and judged: the algorithm recipes, the RAIL paper's driving metrics, the evaluation against the expert, and the report. */
package dev.apprentice.lanechange.training;
