package dev.roomcall.bench.report;

import dev.roomcall.bench.stats.Summary;
import java.util.Locale;

/** How numbers appear in the reports: fixed decimals, a dash for "not measured", never "NaN". */
public final class Figures {

    public static final String MISSING = "–";

    private Figures() {}

    /** {@code 12.3} */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** {@code 12.3 (11.0–15.2)}: median, then the range of the repetitions; just the value for a single one. */
    public static String medianAndRange(Summary s, int decimals) {
        if (s.count() == 0) {
            return MISSING;
        }
        String median = number(s.median(), decimals);
        if (s.count() == 1) {
            return median;
        }
        return median + " (" + number(s.min(), decimals) + "–" + number(s.max(), decimals) + ")";
    }

    /** {@code 0.42×} */
    public static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? MISSING : number(ratio, 2) + "×";
    }
}
