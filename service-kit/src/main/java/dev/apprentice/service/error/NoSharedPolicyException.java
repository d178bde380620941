package dev.apprentice.service.error;

/**
 * 404: the service trains no shared policy, because its domain trains a model per subject through
 * its own endpoints; the kit's training, registry and decision endpoints have nothing to act on.
 */
public final class NoSharedPolicyException extends ApiException {

    private NoSharedPolicyException(String reason) {
        super(404, "no-shared-policy", null, "this service trains no shared policy: " + reason);
    }

    /** For the training-job endpoints. */
    public static NoSharedPolicyException training() {
        return new NoSharedPolicyException("it runs no training jobs; its models are trained per subject through its"
                + " own endpoints");
    }

    /** For the decision and provenance endpoints. */
    public static NoSharedPolicyException decisions() {
        return new NoSharedPolicyException("it makes no decisions here; its own endpoints decide with each subject's"
                + " model");
    }

    /** For the registry endpoints of the served model. */
    public static NoSharedPolicyException registry() {
        return new NoSharedPolicyException("it has no shared model to list, promote or roll back; its models are kept"
                + " per subject");
    }
}
