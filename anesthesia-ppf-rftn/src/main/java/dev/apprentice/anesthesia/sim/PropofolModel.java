package dev.apprentice.anesthesia.sim;

import dev.apprentice.anesthesia.clinical.Covariates;

import java.util.Locale;

/** Which pharmacokinetic model gives a patient's propofol parameters. */
public enum PropofolModel {
    /** Schnider 1998/1999, the default: most published controller comparisons use it. */
    SCHNIDER,
    /** Eleveld 2018, the current general-purpose standard (patients with opioids). */
    ELEVELD;

    /** The name used in requests and configuration, e.g. {@code schnider}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The model with this id. */
    public static PropofolModel byId(String id) {
        for (PropofolModel m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("propofolModel: expected one of " + java.util.Arrays.stream(values())
                .map(PropofolModel::id).toList() + ", found '" + id + "'");
    }

    /** This model's parameters for a patient. */
    public PkParameters parameters(Covariates patient) {
        return switch (this) {
            case SCHNIDER -> SchniderModel.parameters(patient);
            case ELEVELD -> EleveldModel.parameters(patient);
        };
    }
}
