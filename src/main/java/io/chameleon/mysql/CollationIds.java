package io.chameleon.mysql;

import java.util.HashMap;
import java.util.Map;

/**
 * The character set of a collation id, as the binlog names a session's client character set.
 * Ids below 256 are shared by MySQL and MariaDB; MariaDB's NO PAD collations are 1024 and up.
 * Every id not listed is a Unicode one (utf8mb3, utf8mb4, MySQL's 0900 and MariaDB's UCA 14.0
 * collations) or ascii/binary, all read as UTF-8.
 */
public final class CollationIds {
    private static final String TABLE = "armscii8:32,64,1056,1088;big5:1,84,1025,1108;cp1250:26,34,44,66,99,1050,1090;"
            + "cp1251:14,23,50,51,52,1074,1075;cp1256:57,67,1081,1091;cp1257:29,58,59,1082,1083;cp850:4,80,1028,1104;"
            + "cp852:40,81,1064,1105;cp866:36,68,1060,1092;cp932:95,96,1119,1120;dec8:3,69,1027,1093;"
            + "eucjpms:97,98,1121,1122;euckr:19,85,1043,1109;gb2312:24,86,1048,1110;gbk:28,87,1052,1111;"
            + "geostd8:92,93,1116,1117;greek:25,70,1049,1094;hebrew:16,71,1040,1095;hp8:6,72,1030,1096;"
            + "keybcs2:37,73,1061,1097;koi8r:7,74,1031,1098;koi8u:22,75,1046,1099;"
            + "latin1:5,8,15,31,47,48,49,94,1032,1071;latin2:2,9,21,27,77,1033,1101;latin5:30,78,1054,1102;"
            + "latin7:20,41,42,79,1065,1103;macce:38,43,1062,1067;macroman:39,53,1063,1077;sjis:13,88,1037,1112;"
            + "swe7:10,82,1034,1106;tis620:18,89,1042,1113;ujis:12,91,1036,1115";
    private static final Map<Integer, String> CHARSETS = new HashMap<>();

    static {
        for (String entry : TABLE.split(";")) {
            String[] parts = entry.split(":");
            for (String id : parts[1].split(",")) {
                CHARSETS.put(Integer.parseInt(id), parts[0]);
            }
        }
    }

    private CollationIds() {
    }

    /** The MySQL character set name of a collation id; {@code utf8mb4} for the Unicode ones and any id not known. */
    public static String charset(int collationId) {
        return CHARSETS.getOrDefault(collationId, "utf8mb4");
    }
}
