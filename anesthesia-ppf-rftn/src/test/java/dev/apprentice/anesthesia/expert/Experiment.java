package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.training.AnesthesiaEnvironment;
import dev.apprentice.anesthesia.training.AnesthesiaFeatures;
import dev.apprentice.anesthesia.training.PatientSource;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.policy.Actor;

public class Experiment {
    public static void main(String[] a) {
        int episodes = Integer.parseInt(a[0]);
        AnesthesiaFeatures features = new AnesthesiaFeatures();
        long t0 = System.nanoTime();
        DemonstrationSet demos;
        try (RolloutCollector c = new RolloutCollector(2, 1000)) {
            demos = c.demonstrations(() -> new AnesthesiaEnvironment(CaseSettings.DEFAULT, PatientSource.RANDOM),
                    PidAnaesthesiologist.TUNED.actor(), RolloutCollector.seeds(1, episodes));
        }
        System.out.printf("demos %d in %.1f s%n", demos.size(), (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        TrainingOutcome out = new BehaviorCloningTrainer(BcConfig.builder().seed(1).build())
                .train(ImitationTask.of(demos.mapStates(features.outputSpace(), features::encode)), p -> { });
        System.out.printf("bc %.1f s %s%n", (System.nanoTime() - t0) / 1e9, out.metrics());
        Actor driver = features.actorOnRawObservations(out.policy().deterministic());
        Anaesthesiologist learned = new Anaesthesiologist() {
            public String name() { return "bc"; }
            public InfusionController startCase(dev.apprentice.anesthesia.clinical.Covariates c) {
                return o -> InfusionRates.of(driver.act(o.toVector(), null));
            }
        };
        Tune.print("bc", learned);
        Tune.print("pid", PidAnaesthesiologist.TUNED);
    }
}
