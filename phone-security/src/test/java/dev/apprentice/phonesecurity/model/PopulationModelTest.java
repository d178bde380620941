package dev.apprentice.phonesecurity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopulationModelTest {

    @Test
    void projectionWhitensEachPersonsOwnVariationAndDiagonalisesPeoplesDifferences() {
        // given people from a known two-covariance model, learned without shrinkage
        List<FeatureSample> people = TwoCovariancePeople.draw(60, 20, 5, 1, "p");
        PopulationModel model = PopulationModel.fit(people, 0);

        // when every sample is projected
        Map<String, List<double[]>> cells = new LinkedHashMap<>();
        for (FeatureSample s : people) {
            cells.computeIfAbsent(s.user() + "/" + s.activity(), k -> new ArrayList<>()).add(model.project(s.activity(),
                    s.features()));
        }

        // then within a person and activity the coordinates have unit variance and no correlation
        int d = 5;
        double[][] within = new double[d][d];
        int n = 0;
        for (List<double[]> cell : cells.values()) {
            double[] mean = new double[d];
            for (double[] y : cell) {
                for (int j = 0; j < d; j++) {
                    mean[j] += y[j] / cell.size();
                }
            }
            for (double[] y : cell) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        within[i][j] += (y[i] - mean[i]) * (y[j] - mean[j]);
                    }
                }
                n++;
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(i == j ? 1 : 0, within[i][j] / n, 1e-6, "within (" + i + ", " + j + ")");
            }
        }
        // and people differ by ψ, largest first, about the model's 4 (offset sd 2 in units of the noise)
        double[] psi = model.betweenVariances();
        for (int k = 1; k < d; k++) {
            assertTrue(psi[k - 1] >= psi[k]);
        }
        assertTrue(psi[0] > 2 && psi[d - 1] > 1.5 && psi[0] < 8, java.util.Arrays.toString(psi));
    }

    @Test
    void theActivityIsTakenOutOfTheProjection() {
        // given people whose first feature shifts by 3 when walking
        PopulationModel model = PopulationModel.fit(TwoCovariancePeople.draw(60, 20, 5, 1, "p"), 0.1);
        List<FeatureSample> one = TwoCovariancePeople.draw(1, 400, 5, 7, "q");
        // when one new person's sitting and walking samples are projected
        double[] sitting = new double[5];
        double[] walking = new double[5];
        for (FeatureSample s : one) {
            double[] y = model.project(s.activity(), s.features());
            double[] into = s.activity() == Activity.SITTING ? sitting : s.activity() == Activity.WALKING ? walking : null;
            if (into != null) {
                for (int k = 0; k < 5; k++) {
                    into[k] += y[k] / 400;
                }
            }
        }
        // then both activities land in the same place (the person's offset), not 3 apart
        for (int k = 0; k < 5; k++) {
            assertEquals(sitting[k], walking[k], 0.25, "coordinate " + k);
        }
    }

    @Test
    void refusesBackgroundsThatCannotSupportTheModel() {
        List<FeatureSample> onePerson = TwoCovariancePeople.draw(1, 5, 3, 1, "p");
        assertThrows(IllegalArgumentException.class, () -> PopulationModel.fit(onePerson, 0.1));
        assertThrows(IllegalArgumentException.class, () -> PopulationModel.fit(TwoCovariancePeople.draw(5, 5, 3, 1, "p"), 1.0));
    }
}
