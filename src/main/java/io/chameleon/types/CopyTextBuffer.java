package io.chameleon.types;

import java.util.Arrays;

/**
 * A reusable, growable byte buffer of PostgreSQL COPY text ({@code FORMAT text}, tab-separated,
 * {@code \N} for NULL). Hand it to PgJDBC with {@code copyIn.writeToCopy(b.array(), 0, b.length())}
 * then {@link #reset()}.
 */
public final class CopyTextBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    public CopyTextBuffer() {
        this(64 * 1024);
    }

    public CopyTextBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void reset() {
        length = 0;
    }

    /** Drops everything written after {@code mark} (a former {@link #length()}), e.g. a row that failed. */
    public void truncate(int mark) {
        if (mark < 0 || mark > length) {
            throw new IllegalArgumentException("mark " + mark + " outside 0.." + length);
        }
        length = mark;
    }

    public void writeNull() {
        ensure(2);
        bytes[length++] = '\\';
        bytes[length++] = 'N';
    }

    public void fieldSeparator() {
        writeByte('\t');
    }

    public void endRow() {
        writeByte('\n');
    }

    public void writeByte(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    /** Bytes known to need no escaping (digits, dates, hex...). */
    public void writeAscii(byte[] b) {
        writeAscii(b, 0, b.length);
    }

    public void writeAscii(byte[] b, int offset, int count) {
        ensure(count);
        System.arraycopy(b, offset, bytes, length, count);
        length += count;
    }

    /**
     * UTF-8 text with COPY escapes for backslash, tab, newline and carriage return. NUL bytes, which
     * PostgreSQL text cannot hold, are left out; the caller applies the nul_chars policy.
     *
     * @return how many NUL bytes were left out
     */
    public int writeEscaped(byte[] b, int offset, int count) {
        ensure(2 * count);
        byte[] out = bytes;
        int pos = length;
        int nuls = 0;
        // most text has nothing to escape: copy the runs between special bytes in bulk
        int run = offset;
        for (int i = offset, end = offset + count; i < end; i++) {
            byte c = b[i];
            if (c < 0 || (c > '\r' && c != '\\')) {
                continue;
            }
            byte escape = switch (c) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case 0 -> 0;
                default -> -1;
            };
            if (escape == -1) {
                continue;
            }
            System.arraycopy(b, run, out, pos, i - run);
            pos += i - run;
            run = i + 1;
            if (escape == 0) {
                nuls++;
            } else {
                out[pos++] = '\\';
                out[pos++] = escape;
            }
        }
        System.arraycopy(b, run, out, pos, offset + count - run);
        length = pos + offset + count - run;
        return nuls;
    }

    /** A bytea value in hex form; the backslash of {@code \x} is itself escaped for COPY. */
    public void writeBytea(byte[] b, int offset, int count) {
        ensure(3);
        bytes[length++] = '\\';
        bytes[length++] = '\\';
        bytes[length++] = 'x';
        writeHex(b, offset, count);
    }

    /** Lower-case hex digits of the bytes, no prefix. */
    public void writeHex(byte[] b, int offset, int count) {
        ensure(2 * count);
        byte[] out = bytes;
        int pos = length;
        for (int i = offset, end = offset + count; i < end; i++) {
            out[pos++] = HEX[(b[i] >> 4) & 0xF];
            out[pos++] = HEX[b[i] & 0xF];
        }
        length = pos;
    }

    private void ensure(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            if (needed < 0) {
                throw new IllegalStateException("COPY buffer would exceed 2 GB; flush it more often");
            }
            bytes = Arrays.copyOf(bytes, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
        }
    }
}
