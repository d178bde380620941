/** Training of lane-change policies: algorithm recipes, driving metrics, evaluation against the expert, and the job queue behind the training API. */
package dev.apprentice.lanechange.training;
