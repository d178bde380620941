package dev.apprentice.il.policy;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ObservationNormalizerTest {

    private final ObservationNormalizer normalizer = new ObservationNormalizer(new float[] {1, -2}, new float[] {2, 0.5f});

    @Test
    void subtractsTheMeanAndDividesByTheStd() {
        assertArrayEquals(new float[] {2, -1}, normalizer.normalize(new float[] {5, -2.5f}));
    }

    @Test
    void clipsNormalisedValuesToTen() {
        assertArrayEquals(new float[] {10, -10}, normalizer.normalize(new float[] {1000, -1000}));
    }

    @Test
    void raisesTinyStdToTheMinimumSoConstantFeaturesStayFinite() {
        ObservationNormalizer constant = new ObservationNormalizer(new float[] {0, 0}, new float[] {0, 1e-9f});

        assertArrayEquals(new float[] {ObservationNormalizer.MIN_STD, ObservationNormalizer.MIN_STD}, constant.std());
        assertArrayEquals(new float[] {0.5f, 10f}, constant.normalize(new float[] {5e-5f, 1f}), 1e-5f);
    }

    @Test
    void identityLeavesObservationsUnchangedApartFromClipping() {
        ObservationNormalizer identity = ObservationNormalizer.identity(3);

        assertArrayEquals(new float[] {-1.5f, 0, 10}, identity.normalize(new float[] {-1.5f, 0, 42}));
    }

    @Test
    void normalisingRowsInPlaceMatchesNormalisingEachRow() {
        float[] rows = {5, -2.5f, 1, -2, -1000, 0};

        normalizer.normalizeRowsInPlace(rows);

        assertArrayEquals(new float[] {2, -1, 0, 0, -10, 4}, rows);
    }

    @Test
    void doesNotModifyItsInputOrExposeItsState() {
        float[] x = {5, -2.5f};

        normalizer.normalize(x);
        normalizer.mean()[0] = 100;

        assertArrayEquals(new float[] {5, -2.5f}, x);
        assertArrayEquals(new float[] {1, -2}, normalizer.mean());
    }

    @Test
    void rejectsObservationOfTheWrongLength() {
        assertRejected(() -> normalizer.normalize(new float[3]), "observation: expected 2 values, found 3");
    }

    @Test
    void rejectsMissingOrMismatchedMoments() {
        assertRejected(() -> new ObservationNormalizer(new float[2], new float[3]), "mean and std must be non-empty and of the same length");
        assertRejected(() -> new ObservationNormalizer(new float[0], new float[0]), "non-empty");
        assertRejected(() -> new ObservationNormalizer(null, new float[1]), "non-empty");
    }

    @Test
    void rejectsNonFiniteOrNegativeMoments() {
        assertRejected(() -> new ObservationNormalizer(new float[] {0, Float.NaN}, new float[] {1, 1}),
                "dimension 1 has mean NaN and std 1.0");
        assertRejected(() -> new ObservationNormalizer(new float[] {0}, new float[] {Float.POSITIVE_INFINITY}),
                "dimension 0 has mean 0.0 and std Infinity");
        assertRejected(() -> new ObservationNormalizer(new float[] {0}, new float[] {-1}),
                "dimension 0 has mean 0.0 and std -1.0; expected finite values and std >= 0");
    }

    @Test
    void rowsThatAreNotAWholeNumberOfObservationsAreRejected() {
        ObservationNormalizer normalizer = ObservationNormalizer.identity(3);
        assertRejected(() -> normalizer.normalizeRowsInPlace(new float[7]), "7 values is not a whole number of rows of 3");
    }
}
