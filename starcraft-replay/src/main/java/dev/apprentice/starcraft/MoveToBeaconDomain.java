package dev.apprentice.starcraft;

import dev.apprentice.starcraft.minigame.Minigame;
import jakarta.enterprise.context.ApplicationScoped;

/** The MoveToBeacon minigame as a hosted domain: a policy that walks one marine to beacons. */
@ApplicationScoped
public class MoveToBeaconDomain extends MinigameDomain {

    public MoveToBeaconDomain() {
        super(Minigame.MOVE_TO_BEACON);
    }
}
