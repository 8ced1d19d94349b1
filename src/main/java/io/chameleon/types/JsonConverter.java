package io.chameleon.types;

import io.chameleon.config.SourceConfig.NulCharPolicy;

import java.io.ByteArrayOutputStream;

/**
 * JSON → jsonb: the text as it is. jsonb refuses NUL both raw and as the escape {@code \u0000},
 * so both follow nul_chars.
 */
final class JsonConverter implements ColumnConverter {
    private final ColumnRef column;
    private final NulCharPolicy nulChars;

    JsonConverter(ColumnRef column, NulCharPolicy nulChars) {
        this.column = column;
        this.nulChars = nulChars;
    }

    @Override
    public void write(byte[] v, CopyTextBuffer out, ConversionReport report) throws BadValueException {
        boolean nulEscapes = hasNulEscape(v);
        byte[] text = nulEscapes ? withoutNulEscapes(v) : v;
        int mark = out.length();
        int rawNuls = out.writeEscaped(text, 0, text.length);
        if (nulEscapes || rawNuls > 0) {
            TextConverter.nulCharsFound(column, nulChars, v, out, mark, report);
        }
    }

    static boolean hasNulEscape(byte[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] == '\\') {
                if (isNulEscape(v, i)) {
                    return true;
                }
                i++; // skip the escaped character, so "\\u0000" (an escaped backslash) does not count
            }
        }
        return false;
    }

    private static byte[] withoutNulEscapes(byte[] v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(v.length);
        for (int i = 0; i < v.length; i++) {
            if (v[i] == '\\' && isNulEscape(v, i)) {
                i += 5;
            } else if (v[i] == '\\' && i + 1 < v.length) {
                b.write(v[i]);
                b.write(v[++i]);
            } else {
                b.write(v[i]);
            }
        }
        return b.toByteArray();
    }

    private static boolean isNulEscape(byte[] v, int backslash) {
        return backslash + 5 < v.length && v[backslash + 1] == 'u' && v[backslash + 2] == '0'
                && v[backslash + 3] == '0' && v[backslash + 4] == '0' && v[backslash + 5] == '0';
    }
}
