package dev.apprentice.anesthesia.training;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import org.junit.jupiter.api.Test;

class AnesthesiaAdaptationReportTest {

    @Test
    void refusesATeacherTheDomainDoesNotHaveBeforeTrainingAnything() {
        // given the domain, whose experts are pid and tci

        // when the report is asked for another teacher
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnesthesiaAdaptationReport.run(AnesthesiaDomain.withDefaults(), "fixed-rate", 60, 0, 900, 40, 1));

        // then the message names what was found and what is expected
        assertTrue(e.getMessage().contains("'fixed-rate'") && e.getMessage().contains("[pid, tci]"), e.getMessage());
    }

    @Test
    void refusesAnUnknownOptionNamingTheExpertOption() {
        // when / then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnesthesiaAdaptationReport.main(new String[] {"--teacher", "tci"}));
        assertTrue(e.getMessage().contains("--expert pid|tci"), e.getMessage());
    }
}
