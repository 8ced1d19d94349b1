package io.chameleon.types;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL character set names → Java charsets, for decoding the raw column bytes of binlog row events
 * (the initial copy reads everything converted to utf8mb4 by the server instead).
 */
public final class MysqlCharsets {
    /** Java names where MySQL's set is a standard one; checked when asked, since some are optional in a JRE. */
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("latin2", "ISO-8859-2"),
            Map.entry("latin5", "ISO-8859-9"),
            Map.entry("latin7", "ISO-8859-13"),
            Map.entry("greek", "ISO-8859-7"),
            Map.entry("hebrew", "ISO-8859-8"),
            Map.entry("cp1250", "windows-1250"),
            Map.entry("cp1251", "windows-1251"),
            Map.entry("cp1256", "windows-1256"),
            Map.entry("cp1257", "windows-1257"),
            Map.entry("cp850", "IBM850"),
            Map.entry("cp852", "IBM852"),
            Map.entry("cp866", "IBM866"),
            Map.entry("koi8r", "KOI8-R"),
            Map.entry("koi8u", "KOI8-U"),
            Map.entry("tis620", "TIS-620"),
            Map.entry("macce", "x-MacCentralEurope"),
            Map.entry("macroman", "x-MacRoman"),
            Map.entry("gbk", "GBK"),
            Map.entry("gb2312", "GB2312"),
            Map.entry("gb18030", "GB18030"),
            Map.entry("big5", "Big5"),
            Map.entry("sjis", "Shift_JIS"),
            Map.entry("cp932", "windows-31j"),
            Map.entry("ujis", "EUC-JP"),
            // EUC-JP with the Microsoft/NEC/IBM extensions, as MySQL Connector/J maps it
            Map.entry("eucjpms", "x-eucJP-Open"),
            Map.entry("euckr", "EUC-KR"));

    private MysqlCharsets() {}

    /** @throws IllegalArgumentException for a set with no Java equivalent (armscii8, dec8, hp8, swe7, keybcs2, geostd8...) */
    public static Charset forName(String mysqlCharset) {
        String name = mysqlCharset.trim().toLowerCase(Locale.ROOT);
        Charset fixed = switch (name) {
            case "utf8", "utf8mb3", "utf8mb4" -> StandardCharsets.UTF_8;
            case "latin1" -> MysqlLatin1Charset.INSTANCE;
            case "ascii" -> StandardCharsets.US_ASCII;
            // binary strings hold bytes, not text: ISO-8859-1 keeps each byte as one char
            case "binary" -> StandardCharsets.ISO_8859_1;
            // MySQL's UCS-2/UTF-16/UTF-32 are big-endian without byte-order mark
            case "ucs2", "utf16" -> StandardCharsets.UTF_16BE;
            case "utf16le" -> StandardCharsets.UTF_16LE;
            case "utf32" -> Charset.forName("UTF-32BE");
            default -> null;
        };
        if (fixed != null) {
            return fixed;
        }
        String javaName = JAVA_NAMES.get(name);
        if (javaName == null || !Charset.isSupported(javaName)) {
            throw new IllegalArgumentException("MySQL character set '" + mysqlCharset + "' has no "
                    + (javaName == null ? "Java equivalent" : "Java charset '" + javaName + "' in this runtime")
                    + "; convert the column to utf8mb4 in MySQL (ALTER TABLE ... CONVERT TO CHARACTER SET utf8mb4)"
                    + " or leave the table out with skip_tables");
        }
        return Charset.forName(javaName);
    }
}
