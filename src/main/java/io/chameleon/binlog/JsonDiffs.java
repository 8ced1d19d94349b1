package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The logged changes of one JSON column in a partial update (binlog_row_value_options =
 * PARTIAL_JSON), as MySQL's Json_diff_vector writes them into the after image: per diff an
 * operation byte (0 REPLACE, 1 INSERT, 2 REMOVE), the path as a length-prefixed string and, except
 * for REMOVE, the new value as a length-prefixed binary JSON document (lengths in the packed
 * integer form, net_field_length). {@link #applyTo} rebuilds the new document the way MySQL's apply_json_diffs does
 * on a replica, which is what the source's JSON_SET / JSON_REPLACE / JSON_REMOVE left in the row.
 */
record JsonDiffs(List<Diff> diffs) implements Serializable {
    enum Operation { REPLACE, INSERT, REMOVE }

    record Diff(Operation operation, String path, byte[] value) implements Serializable {
        @Override
        public String toString() {
            return operation + " " + path;
        }
    }

    /** @param bytes the column's cell without its 4-byte length */
    static JsonDiffs read(byte[] bytes) {
        List<Diff> diffs = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        try {
            while (in.available() > 0) {
                int code = in.read();
                if (code >= Operation.values().length) {
                    throw new IllegalArgumentException("a JSON diff has the unknown operation " + code + " at byte "
                            + (in.getPosition() - 1));
                }
                Operation operation = Operation.values()[code];
                String path = new String(in.read(in.readPackedInteger()), StandardCharsets.UTF_8);
                diffs.add(new Diff(operation, path, operation == Operation.REMOVE ? null : in.read(in.readPackedInteger())));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the JSON diffs of " + bytes.length + " bytes end inside a diff", e);
        }
        return new JsonDiffs(List.copyOf(diffs));
    }

    /**
     * @param document the column's value before the update, which is changed
     * @return the document after the update
     * @throws IllegalArgumentException when a diff does not fit the document (MySQL's replica
     *     refuses such a row too)
     */
    JsonNode applyTo(JsonNode document) {
        for (Diff diff : diffs) {
            JsonPath path = JsonPath.parse(diff.path());
            if (path.legs().isEmpty()) {
                throw new IllegalArgumentException(diff + ": a diff of the whole document");
            }
            JsonNode parent = seek(document, path.legs().subList(0, path.legs().size() - 1));
            JsonPath.Leg last = path.legs().get(path.legs().size() - 1);
            JsonNode value = diff.value() == null ? null : MysqlJsonBinary.parse(diff.value());
            if (!apply(diff.operation(), parent, last, value)) {
                throw new IllegalArgumentException(diff + " does not fit the document " + abbreviated(document));
            }
        }
        return document;
    }

    private static boolean apply(Operation operation, JsonNode parent, JsonPath.Leg leg, JsonNode value) {
        if (parent instanceof JsonNode.Obj obj && leg.isMember()) {
            Map<String, JsonNode> members = obj.members();
            return switch (operation) {
                case REPLACE -> members.containsKey(leg.member()) && members.put(leg.member(), value) != null;
                case INSERT -> members.putIfAbsent(leg.member(), value) == null;
                case REMOVE -> members.remove(leg.member()) != null;
            };
        }
        if (parent instanceof JsonNode.Array array && !leg.isMember()) {
            List<JsonNode> elements = array.elements();
            int position = leg.position(elements.size());
            boolean within = position < elements.size();
            switch (operation) {
                case REPLACE -> {
                    if (within) {
                        elements.set(position, value);
                    }
                    return within;
                }
                case INSERT -> {
                    elements.add(position, value);
                    return true;
                }
                case REMOVE -> {
                    if (within) {
                        elements.remove(position);
                    }
                    return within;
                }
            }
        }
        return false;
    }

    /** The node at the legs, without MySQL's auto-wrapping (as seek_exact_path), or null. */
    private static JsonNode seek(JsonNode node, List<JsonPath.Leg> legs) {
        for (JsonPath.Leg leg : legs) {
            if (node instanceof JsonNode.Obj obj && leg.isMember()) {
                node = obj.members().get(leg.member());
            } else if (node instanceof JsonNode.Array array && !leg.isMember()
                    && leg.position(array.elements().size()) < array.elements().size()) {
                node = array.elements().get(leg.position(array.elements().size()));
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static String abbreviated(JsonNode document) {
        String text = document.text();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
