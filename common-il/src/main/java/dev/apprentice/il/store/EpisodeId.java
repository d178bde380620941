package dev.apprentice.il.store;

/**
 * Which episode a stored trajectory is: its source and episode id, the first two parts of the
 * store's dedup key. Lets a caller pin the exact episodes a run used, e.g. to resume it.
 *
 * @param source the expert, driver, user or clinician id
 * @param episode the episode id, unique per source
 */
public record EpisodeId(String source, String episode) {

    public EpisodeId {
        if (source == null || episode == null) {
            throw new IllegalArgumentException("episode id: expected a source and an episode, found " + source + " and "
                    + episode);
        }
    }
}
