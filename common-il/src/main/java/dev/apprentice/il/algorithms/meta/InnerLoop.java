package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.nn.TrainableNetwork;

/**
 * The inner loop every meta-learner and every adaptation runs, in one place so that meta-training
 * adapts exactly as serving later will: full-batch gradient descent {@code θ_{j+1} = θ_j − α·∇L(θ_j)}
 * on a task's support set, with the network only as a gradient oracle.
 */
final class InnerLoop {

    /**
     * The step of the central differences behind Hessian-vector products, along a unit direction:
     * small enough that the truncation error (of order ε² times the third derivative) stays far
     * below the product, large enough that float rounding of the two gradients (about 1e-7 of
     * their size) divided by 2ε stays below 1e-4 of it. Checked against finite differences of
     * the whole meta-objective in the tests.
     */
    static final double HESSIAN_STEP = 1e-3;

    private InnerLoop() {
    }

    /**
     * θ_0 = θ through θ_steps, each from the previous by one step on the rows.
     *
     * @throws IllegalStateException when a step leaves the parameters non-finite (the step size is
     *     too large for this task's loss); no non-finite network ever leaves the inner loop
     */
    static float[][] descend(TrainableNetwork net, float[] theta, float[] features, float[] labels, int rows, int steps,
            double learningRate) {
        float[][] path = new float[steps + 1][];
        path[0] = theta.clone();
        for (int j = 0; j < steps; j++) {
            net.setParameters(path[j]);
            float[] g = net.gradient(features, labels, rows);
            float[] next = path[j].clone();
            for (int i = 0; i < next.length; i++) {
                next[i] -= (float) (learningRate * g[i]);
                if (!Float.isFinite(next[i])) {
                    throw new IllegalStateException("inner loop diverged at step " + (j + 1) + " of " + steps
                            + ": the parameters are no longer finite; lower the inner learning rate (" + learningRate + ")");
                }
            }
            path[j + 1] = next;
        }
        return path;
    }

    /** The gradient of the rows' mean loss at θ. */
    static float[] gradient(TrainableNetwork net, float[] theta, float[] features, float[] labels, int rows) {
        net.setParameters(theta);
        return net.gradient(features, labels, rows);
    }

    /** The rows' mean loss at θ. */
    static double loss(TrainableNetwork net, float[] theta, float[] features, float[] labels, int rows) {
        net.setParameters(theta);
        return net.score(features, labels, rows);
    }

    /** H(θ)·v for the Hessian of the rows' mean loss at θ, by central differences of the gradient along v. */
    static float[] hessianVector(TrainableNetwork net, float[] theta, float[] v, float[] features, float[] labels, int rows) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        float[] plus = theta.clone();
        float[] minus = theta.clone();
        for (int i = 0; i < v.length; i++) {
            double step = HESSIAN_STEP * v[i] / norm;
            plus[i] += (float) step;
            minus[i] -= (float) step;
        }
        float[] gPlus = gradient(net, plus, features, labels, rows);
        float[] gMinus = gradient(net, minus, features, labels, rows);
        double scale = norm / (2 * HESSIAN_STEP);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((gPlus[i] - gMinus[i]) * scale);
        }
        return out;
    }
}
