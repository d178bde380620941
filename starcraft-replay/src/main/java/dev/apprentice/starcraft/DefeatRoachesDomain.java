package dev.apprentice.starcraft;

import dev.apprentice.starcraft.minigame.Minigame;
import jakarta.enterprise.context.ApplicationScoped;

/** The DefeatRoaches minigame as a hosted domain: a policy that fights waves of roaches with nine marines. */
@ApplicationScoped
public class DefeatRoachesDomain extends MinigameDomain {

    public DefeatRoachesDomain() {
        super(Minigame.DEFEAT_ROACHES);
    }
}
