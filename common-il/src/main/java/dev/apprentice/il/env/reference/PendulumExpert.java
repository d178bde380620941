package dev.apprentice.il.env.reference;

import dev.apprentice.il.policy.Actor;
import java.util.random.RandomGenerator;

/**
 * A scripted swing-up expert for {@link PendulumEnvironment}. Far from upright it pumps energy
 * (Åström and Furuta, "Swinging up a pendulum by energy control", Automatica 2000): with
 * θ̈ = 15 sin θ + 3u, the energy E = θ̇²/2 + 15 cos θ changes as dE/dt = 3uθ̇, so pushing along
 * θ̇ while E is below the upright value 15 raises it. Near upright a PD law holds the pendulum.
 * The two laws are blended by a smooth weight of cos θ and the torque is saturated with tanh,
 * so the expert is a continuous function of the state and can be imitated by a small network.
 */
public final class PendulumExpert implements Actor {

    private static final double UPRIGHT_ENERGY = 15.0;
    private static final double ENERGY_GAIN = 0.1;
    private static final double KP = 12.0;
    private static final double KD = 3.0;
    private static final double BLEND_CENTER = 0.8;
    private static final double BLEND_SHARPNESS = 25.0;

    @Override
    public float[] act(float[] s, RandomGenerator rng) {
        double cos = s[0];
        double sin = s[1];
        double thetaDot = s[2];
        double theta = Math.atan2(sin, cos);
        double energy = 0.5 * thetaDot * thetaDot + UPRIGHT_ENERGY * cos;
        double swing = ENERGY_GAIN * (UPRIGHT_ENERGY - energy) * thetaDot;
        double balance = -(KP * theta + KD * thetaDot);
        double w = 1 / (1 + Math.exp(-BLEND_SHARPNESS * (cos - BLEND_CENTER)));
        double u = w * balance + (1 - w) * swing;
        return new float[] {(float) (PendulumEnvironment.MAX_TORQUE * Math.tanh(u / PendulumEnvironment.MAX_TORQUE))};
    }
}
