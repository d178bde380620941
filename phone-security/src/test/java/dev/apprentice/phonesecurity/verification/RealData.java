package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.data.HoldAndTapData;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The real Hold-and-Tap data, loaded once for all the tests of a run that need it. */
final class RealData {

    private static HoldAndTapData data;

    private RealData() {
    }

    static synchronized HoldAndTapData holdAndTap() {
        if (data == null) {
            try {
                data = HoldAndTapData.load(HoldAndTapData.defaultDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }
}
