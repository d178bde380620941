package dev.apprentice.il.stream.schema;

import java.util.ArrayList;
import java.util.List;

/** Avro's float arrays (boxed lists in generated records) to and from the core's float vectors, checked element by element. */
public final class AvroArrays {

    private AvroArrays() {
    }

    /**
     * The floats of an Avro array.
     *
     * @param field the field's name for errors, e.g. {@code observation}
     * @throws IllegalArgumentException naming the field (and the element) when the list is null or holds a non-float
     */
    public static float[] floats(List<?> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException(field + ": expected a list of floats, found null");
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) instanceof Float f)) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a float, found " + values.get(i));
            }
            out[i] = f;
        }
        return out;
    }

    /** An Avro array of a vector's floats. */
    public static List<Float> list(float[] values) {
        List<Float> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add(v);
        }
        return out;
    }
}
