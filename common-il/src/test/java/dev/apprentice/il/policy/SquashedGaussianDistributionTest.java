package dev.apprentice.il.policy;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.spaces.Box;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SquashedGaussianDistributionTest {

    private static final Box BOX = new Box(new float[] {-2, 0}, new float[] {3, 0.5f});

    @Test
    void samplesAlwaysFallInsideTheBoxEvenForWideAndOffCentreGaussians() {
        SquashedGaussianDistribution d = new SquashedGaussianDistribution(new float[] {6, -4}, new float[] {2, 1}, BOX);
        SplittableRandom rng = new SplittableRandom(77);

        for (int i = 0; i < 10_000; i++) {
            float[] a = d.sample(rng);
            assertTrue(BOX.contains(a), () -> java.util.Arrays.toString(a));
        }
    }

    @Test
    void modeIsTheSquashedMean() {
        SquashedGaussianDistribution d = new SquashedGaussianDistribution(new float[] {0.3f, -1}, new float[] {0, 0}, BOX);

        float[] mode = d.mode();

        assertEquals(-2 + (Math.tanh(0.3) + 1) / 2 * 5, mode[0], 1e-6);
        assertEquals((Math.tanh(-1) + 1) / 2 * 0.5, mode[1], 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"0.3, -0.5", "-1.2, 0.2", "0.0, -2.0"})
    void densityIntegratesToOneOverAOneDimensionalBox(float mean, float logStd) {
        Box box = new Box(new float[] {-2}, new float[] {3});
        SquashedGaussianDistribution d = new SquashedGaussianDistribution(new float[] {mean}, new float[] {logStd}, box);
        int cells = 200_000;
        double width = 5.0 / cells;

        double integral = 0;
        for (int i = 0; i < cells; i++) {
            float a = (float) (-2 + (i + 0.5) * width);
            integral += Math.exp(d.logProbability(new float[] {a})) * width;
        }

        assertEquals(1.0, integral, 2e-3);
    }

    @Test
    void logProbabilityOfATwoDimensionalActionIsTheSumOverDimensions() {
        Box first = new Box(new float[] {-2}, new float[] {3});
        Box second = new Box(new float[] {0}, new float[] {0.5f});
        float[] action = {1.25f, 0.1f};

        double joint = new SquashedGaussianDistribution(new float[] {0.2f, -0.4f}, new float[] {-0.3f, 0.1f}, BOX)
                .logProbability(action);
        double separate = new SquashedGaussianDistribution(new float[] {0.2f}, new float[] {-0.3f}, first)
                .logProbability(new float[] {action[0]})
                + new SquashedGaussianDistribution(new float[] {-0.4f}, new float[] {0.1f}, second)
                        .logProbability(new float[] {action[1]});

        assertEquals(separate, joint, 1e-9);
    }

    @Test
    void logProbabilityOfActionOfWrongDimensionIsMinusInfinity() {
        SquashedGaussianDistribution d = new SquashedGaussianDistribution(new float[] {0, 0}, new float[] {0, 0}, BOX);

        assertEquals(Double.NEGATIVE_INFINITY, d.logProbability(new float[] {0}));
    }

    @Test
    void entropyIsThatOfTheGaussianBeforeSquashing() {
        SquashedGaussianDistribution d = new SquashedGaussianDistribution(new float[] {5, 5}, new float[] {0.5f, -1}, BOX);

        double perDimension = 0.5 * Math.log(2 * Math.PI * Math.E);
        assertEquals(0.5 + perDimension - 1 + perDimension, d.entropy(), 1e-6);
    }

    @Test
    void unsquashInvertsSquash() {
        float[] u = {-2.5f, 1.7f};

        float[] roundTrip = SquashedGaussianDistribution.unsquash(SquashedGaussianDistribution.squash(u, BOX), BOX, 0);

        assertArrayEquals(u, roundTrip, 1e-3f);
    }

    @Test
    void squashInvertsUnsquashInsideTheBox() {
        float[] a = {2.9f, 0.01f};

        float[] roundTrip = SquashedGaussianDistribution.squash(SquashedGaussianDistribution.unsquash(a, BOX, 0), BOX);

        assertArrayEquals(a, roundTrip, 1e-5f);
    }

    @Test
    void unsquashPullsBoundaryActionsInsideByTheMargin() {
        float[] u = SquashedGaussianDistribution.unsquash(new float[] {3, 0}, BOX, 1e-3);

        double edge = 0.5 * Math.log((2 - 1e-3) / 1e-3);
        assertEquals(edge, u[0], 1e-4);
        assertEquals(-edge, u[1], 1e-4);
    }

    @Test
    void rejectsParametersOfTheWrongDimension() {
        assertRejected(() -> new SquashedGaussianDistribution(new float[] {0}, new float[] {0, 0}, BOX),
                "mean and log-std must have 2 values, found 1 and 2");
    }
}
