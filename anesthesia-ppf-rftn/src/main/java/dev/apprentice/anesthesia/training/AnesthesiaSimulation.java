package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.mapping.AnesthesiaRecords;
import dev.apprentice.anesthesia.sim.SimulatedCase;
import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.LiveEpisode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Simulated cases as the service kit sees them: the anaesthesiologists as experts (source
 * {@code sim-<style>}, random patients by seed), and live cases of the published cohort, one frame
 * per decision.
 */
public final class AnesthesiaSimulation implements ExpertSimulation {

    /** Frames per second of the live view: 10 decisions of 10 s, a case at 100 times real time. */
    static final int FRAMES_PER_SECOND = 10;

    private final AnesthesiaImitation imitation;

    public AnesthesiaSimulation(AnesthesiaImitation imitation) {
        this.imitation = imitation;
    }

    @Override
    public List<String> experts() {
        return imitation.expertNames();
    }

    @Override
    public String defaultExpert() {
        return imitation.expertNames().get(0);
    }

    /** Records a case; event times are spaced by the case's own decision interval, whatever {@code decisionInterval} says. */
    @Override
    public ExpertEpisode record(String expert, long seed, Instant start, Duration decisionInterval) {
        String style = imitation.expert(expert).name();
        AnesthesiaEnvironment env = new AnesthesiaEnvironment(imitation.cases(), PatientSource.RANDOM);
        return new ExpertEpisode(ExpertRecorder.record(AnesthesiaDomain.NAME, "sim-" + style, "seed-" + seed, env,
                imitation.expert(style).actor(), seed, imitation.cases().maxDecisions(), start,
                Duration.ofSeconds(imitation.cases().decisionIntervalSeconds()),
                Map.of(AnesthesiaRecords.STYLE, style, AnesthesiaRecords.FLAGS, "SIMULATED")), false);
    }

    @Override
    public Actor expert(String name) {
        return imitation.expert(name).actor();
    }

    @Override
    public LiveEpisode live(long seed, Actor driver) {
        AnesthesiaEnvironment env = new AnesthesiaEnvironment(imitation.cases(), PatientSource.COHORT);
        float[][] observation = {env.reset(seed)};
        SimulatedCase running = env.currentCase();
        return new LiveEpisode() {
            @Override
            public Object scene() {
                return AnesthesiaSimulation.scene(running);
            }

            @Override
            public Step step() {
                float[] action = driver.act(observation[0], null);
                StepResult r = env.step(AnesthesiaEnvironment.ACTION_SPACE.clip(action));
                observation[0] = r.observation();
                InfusionRates rates = InfusionRates.of(action);
                return new Step(String.format(java.util.Locale.ROOT, "propofol %.1f mg/kg/h, remifentanil %.3f µg/kg/min",
                        rates.propofol(), rates.remifentanil()), r.reward(), r.done(), List.of(AnesthesiaSimulation.scene(running)));
            }
        };
    }

    private static CaseScene scene(SimulatedCase c) {
        var s = c.simulator();
        var o = c.observation();
        return new CaseScene(s.second(), s.bisShown(), s.mapShown(), s.propofolEffectSite(), s.remifentanilEffectSite(),
                o.running().propofol(), o.running().remifentanil(), c.seconds());
    }

    @Override
    public int liveFramesPerSecond() {
        return FRAMES_PER_SECOND;
    }
}
