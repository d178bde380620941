package dev.apprentice.il.algorithms.meta;

/**
 * Adam (Kingma and Ba 2015) climbing a meta-objective over one flat parameter vector, as NoRML's
 * outer loop does; its moments and step count are plain arrays so a checkpoint restores them
 * exactly.
 */
final class AdamAscent {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[] first;
    private final double[] second;
    private long steps;

    AdamAscent(double learningRate, int size) {
        this(learningRate, new double[size], new double[size], 0);
    }

    AdamAscent(double learningRate, double[] first, double[] second, long steps) {
        this.learningRate = learningRate;
        this.first = first.clone();
        this.second = second.clone();
        this.steps = steps;
    }

    /** Moves {@code parameters} up the {@code gradient}. */
    void step(double[] parameters, double[] gradient) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < parameters.length; i++) {
            first[i] = BETA1 * first[i] + (1 - BETA1) * gradient[i];
            second[i] = BETA2 * second[i] + (1 - BETA2) * gradient[i] * gradient[i];
            parameters[i] += learningRate * (first[i] / c1) / (Math.sqrt(second[i] / c2) + EPSILON);
        }
    }

    double[] first() {
        return first.clone();
    }

    double[] second() {
        return second.clone();
    }

    long steps() {
        return steps;
    }
}
