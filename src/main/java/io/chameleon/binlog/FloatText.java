package io.chameleon.binlog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * FLOAT and DOUBLE as the server prints them (MariaDB's Field_float/Field_double through
 * my_gcvt): FLOAT to 6 significant digits, DOUBLE to the shortest digits that read back as the
 * same double, trailing zeros dropped, in plain notation unless the decimal point is more than
 * 15 places away ({@code 3.40282e38}, {@code 1e16}), then as {@code d.ddde[-]N}. BinlogValuesIT checks
 * this against the server.
 */
final class FloatText {
    /** DBL_DIG: my_gcvt switches to the exponent form past this many places. */
    private static final int DBL_DIG = 15;

    private FloatText() {}

    static String ofFloat(float f) {
        if (f == 0) {
            return "0";
        }
        // the float widened to double, rounded half-even to 6 digits as dtoa does
        return format(new BigDecimal((double) f).round(new MathContext(6, RoundingMode.HALF_EVEN)));
    }

    static String ofDouble(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; ; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                return format(r);
            }
        }
    }

    private static String format(BigDecimal rounded) {
        BigDecimal v = rounded.stripTrailingZeros();
        String digits = v.unscaledValue().abs().toString();
        int len = digits.length();
        // decpt: where the decimal point sits relative to the first digit, as dtoa reports it
        int decpt = len - v.scale();
        String sign = v.signum() < 0 ? "-" : "";
        if (decpt >= -DBL_DIG + 1 && (decpt <= DBL_DIG || len > decpt)) {
            return sign + v.abs().toPlainString();
        }
        String mantissa = len > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return sign + mantissa + "e" + (decpt - 1);
    }
}
