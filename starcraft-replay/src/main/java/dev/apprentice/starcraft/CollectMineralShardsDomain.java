package dev.apprentice.starcraft;

import dev.apprentice.starcraft.minigame.Minigame;
import jakarta.enterprise.context.ApplicationScoped;

/** The CollectMineralShards minigame as a hosted domain: a policy that collects mineral shards with two marines. */
@ApplicationScoped
public class CollectMineralShardsDomain extends MinigameDomain {

    public CollectMineralShardsDomain() {
        super(Minigame.COLLECT_MINERAL_SHARDS);
    }
}
