package io.chameleon.types;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * MySQL's latin1: windows-1252, except that the five bytes cp1252 leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) are the C1 controls U+0081... as in ISO-8859-1 (Java's windows-1252 turns them
 * into U+FFFD). Decode only: the replica never writes to MySQL.
 */
final class MysqlLatin1Charset extends Charset {
    static final MysqlLatin1Charset INSTANCE = new MysqlLatin1Charset();

    private static final char[] TABLE = new char[256];

    static {
        String cp1252 = new String(allBytes(), Charset.forName("windows-1252"));
        for (int i = 0; i < 256; i++) {
            char c = cp1252.charAt(i);
            TABLE[i] = c == '\uFFFD' ? (char) i : c;
        }
    }

    private MysqlLatin1Charset() {
        super("x-mysql-latin1", new String[0]);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs instanceof MysqlLatin1Charset || cs.name().equals("US-ASCII");
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException("MySQL latin1 is only decoded here");
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new CharsetDecoder(this, 1f, 1f) {
            @Override
            protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                while (in.hasRemaining()) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put(TABLE[in.get() & 0xFF]);
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }
}
