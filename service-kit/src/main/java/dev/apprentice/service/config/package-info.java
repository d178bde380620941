/** The kit's typed settings, one {@code @ConfigMapping} per concern under {@code apprentice.*}; unset names and directories derive from the domain's name. */
package dev.apprentice.service.config;
