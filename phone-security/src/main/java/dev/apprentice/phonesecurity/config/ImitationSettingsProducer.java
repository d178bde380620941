package dev.apprentice.phonesecurity.config;

import dev.apprentice.phonesecurity.model.ImitationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The model settings the service enrols with: the measured defaults with the configured thresholds. */
@ApplicationScoped
public class ImitationSettingsProducer {

    @Produces
    @Singleton // a record cannot sit behind a client proxy
    ImitationSettings imitationSettings(PhoneSecuritySettings settings) {
        ImitationSettings d = ImitationSettings.defaults();
        try {
            return new ImitationSettings(d.shrinkage(), d.discriminator(), d.discriminatorWeight(), d.generatedPeople(),
                    settings.maxSessionSamples(), settings.targetFar(), settings.lockFar());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("apprentice.phone-security." + e.getMessage());
        }
    }
}
