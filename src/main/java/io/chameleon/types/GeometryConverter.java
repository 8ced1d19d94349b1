package io.chameleon.types;

/**
 * Spatial values. MySQL sends its internal format: a 4-byte little-endian SRID, then WKB. PostGIS
 * reads hex EWKB, which carries the SRID inside: byte order, type | 0x20000000, SRID, then the rest.
 */
final class GeometryConverter implements ColumnConverter {
    private static final int SRID_FLAG = 0x20000000;
    /** SRID (4) + WKB byte order (1) + geometry type (4) */
    private static final int HEADER = 9;

    private final ColumnRef column;
    private final boolean ewkb;

    /** @param ewkb hex EWKB for PostGIS geometry, else a bytea of the plain WKB */
    GeometryConverter(ColumnRef column, boolean ewkb) {
        this.column = column;
        this.ewkb = ewkb;
    }

    @Override
    public void write(byte[] v, CopyTextBuffer out, ConversionReport report) throws BadValueException {
        if (v.length < HEADER || (v[4] != 0 && v[4] != 1)) {
            throw new BadValueException(column, v, "is not MySQL's internal geometry format (4-byte SRID + WKB)",
                    "read the column as it is, without conversion functions");
        }
        if (!ewkb) {
            out.writeBytea(v, 4, v.length - 4);
            return;
        }
        int srid = (v[0] & 0xFF) | (v[1] & 0xFF) << 8 | (v[2] & 0xFF) << 16 | (v[3] & 0xFF) << 24;
        if (srid == 0) {
            out.writeHex(v, 4, v.length - 4);
            return;
        }
        boolean littleEndian = v[4] == 1;
        byte[] header = new byte[HEADER];
        header[0] = v[4];
        putInt(header, 1, readInt(v, 5, littleEndian) | SRID_FLAG, littleEndian);
        putInt(header, 5, srid, littleEndian);
        out.writeHex(header, 0, HEADER);
        out.writeHex(v, HEADER, v.length - HEADER);
    }

    private static int readInt(byte[] b, int at, boolean littleEndian) {
        int n = 0;
        for (int i = 0; i < 4; i++) {
            int shift = littleEndian ? 8 * i : 8 * (3 - i);
            n |= (b[at + i] & 0xFF) << shift;
        }
        return n;
    }

    private static void putInt(byte[] b, int at, int n, boolean littleEndian) {
        for (int i = 0; i < 4; i++) {
            int shift = littleEndian ? 8 * i : 8 * (3 - i);
            b[at + i] = (byte) (n >>> shift);
        }
    }
}
