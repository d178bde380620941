package dev.apprentice.service.training;

import dev.apprentice.service.error.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The registry names of a domain's meta-learning results, beside its shared model: the meta-model
 * ({@code <model>-meta}) and one adapted model per person ({@code <model>-for-<subject>}).
 */
public final class MetaModels {

    /** The model-card data key holding how many people a meta-model was meta-trained on. */
    public static final String SUBJECTS_USED = "subjectsUsed";
    /** The model-card data key naming the meta-model an adapted model started from. */
    public static final String META_MODEL = "metaModel";
    /** The model-card data key holding that meta-model's version. */
    public static final String META_MODEL_VERSION = "metaModelVersion";

    /** Subject ids that can name a model: registry names are of a-z, 0-9, '.', '_', '-' (the subject is lower-cased). */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The registry's longest model name. */
    private static final int MAX_MODEL_NAME = 64;

    private MetaModels() {
    }

    /** The meta-model of a domain whose shared model is {@code model}. */
    public static String metaModel(String model) {
        return model + "-meta";
    }

    /**
     * The adapted model of one person.
     *
     * @throws InvalidRequestException when the subject id cannot name a model
     */
    public static String adaptedModel(String model, String subject) {
        String prefix = model + "-for-";
        int longest = MAX_MODEL_NAME - prefix.length();
        if (subject == null || subject.length() > longest || !SUBJECT.matcher(subject).matches()) {
            throw new InvalidRequestException("subject", "expected 1 to " + longest + " characters of letters, digits,"
                    + " '.', '_' and '-', starting with a letter or digit");
        }
        return prefix + subject.toLowerCase(Locale.ROOT);
    }
}
