package dev.apprentice.anesthesia.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.store.EpisodeId;
import dev.apprentice.service.domain.MetaLearningRecipe;
import org.junit.jupiter.api.Test;

class AnesthesiaMetaLearningTest {

    private final MetaLearningRecipe recipe = new AnesthesiaMetaLearning();

    @Test
    void theDomainMetaLearnsPerPatient() {
        // given the domain with its defaults
        AnesthesiaDomain domain = AnesthesiaDomain.withDefaults();

        // when asked how it meta-learns
        MetaLearningRecipe offered = domain.metaLearning().orElseThrow();

        // then a task is a patient
        assertEquals("patient", offered.subject());
        assertSame(AnesthesiaMetaLearning.class, offered.getClass());
    }

    @Test
    void aPatientIsTheCaseWhoeverDosedIt() {
        // given one case dosed by two clinicians (a handover), and another case by the first of them
        EpisodeId first = new EpisodeId("dr-a", "case-17");
        EpisodeId handedOver = new EpisodeId("dr-b", "case-17");
        EpisodeId other = new EpisodeId("dr-a", "case-18");

        // when each is mapped to its subject
        // then the case decides, not the clinician
        assertEquals("case-17", recipe.subjectOf(first));
        assertEquals("case-17", recipe.subjectOf(handedOver));
        assertEquals("case-18", recipe.subjectOf(other));
    }

    @Test
    void theImportersSegmentsOfOneCaseAreOnePatient() {
        // given the segments the importer cut a recorded case into at monitor gaps
        // when they are mapped to their subject
        // then they are one patient, and a case id that merely contains "seg" is left alone
        assertEquals("4481", recipe.subjectOf(new EpisodeId("vitaldb", "4481-seg1")));
        assertEquals("4481", recipe.subjectOf(new EpisodeId("vitaldb", "4481-seg12")));
        assertEquals("seg-4481", recipe.subjectOf(new EpisodeId("vitaldb", "seg-4481")));
    }

    @Test
    void theSettingsFitTheDomainAndEveryTaskHoldsASupportAndAQuerySet() {
        // given the recipe's settings for a job that names no iteration count
        MetaConfig config = recipe.config(7, 2, 0);

        // then they use BC's loss and network, the domain's default budget, and the caller's seed and threads
        assertEquals(ImitationLoss.LIKELIHOOD, config.loss());
        assertEquals(AnesthesiaMetaLearning.DEFAULT_ITERATIONS, config.iterations());
        assertEquals(7, config.seed());
        assertEquals(2, config.threads());
        assertEquals(123, recipe.config(7, 2, 123).iterations());
        assertTrue(recipe.minimumSamplesPerSubject() >= config.supportShots() + config.queryShots(),
                "a task must hold a support and a query set");
        assertTrue(config.supportShots() <= PatientAdaptation.OPENING_SECONDS / 10,
                "meta-training adapts on no more decisions than a case's opening gives");
    }
}
