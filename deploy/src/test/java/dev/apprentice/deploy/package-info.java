/** Renders the Kustomize overlays, parses every manifest into its typed model and checks the project's rules. */
package dev.apprentice.deploy;
