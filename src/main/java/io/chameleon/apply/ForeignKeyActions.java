package io.chameleon.apply;

import io.chameleon.binlog.RowChange;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The referential actions InnoDB applies below the binlog (ON DELETE / ON UPDATE CASCADE and SET
 * NULL), between the applied tables: the binlog logs the parent's row only, so the replica
 * reproduces what happened to the children. RESTRICT and NO ACTION change nothing and are left
 * out, as are keys whose child or parent is not replicated. Immutable.
 */
final class ForeignKeyActions {
    private static final Logger LOG = LoggerFactory.getLogger(ForeignKeyActions.class);
    static final ForeignKeyActions NONE = new ForeignKeyActions(Map.of());

    enum Action {
        CASCADE, SET_NULL, NONE;

        static Action of(String mysqlRule) {
            return switch (mysqlRule == null ? "" : mysqlRule.toUpperCase(Locale.ROOT)) {
                case "CASCADE" -> CASCADE;
                case "SET NULL" -> SET_NULL;
                default -> NONE; // RESTRICT, NO ACTION; SET DEFAULT, which InnoDB refuses
            };
        }
    }

    /**
     * One foreign key between applied tables, with its columns as positions in the row images.
     *
     * @param childColumns the child's key columns, in key order
     * @param parentColumns the parent's referenced columns, in the same order
     */
    record Edge(String name, TableName child, int[] childColumns, TableName parent, int[] parentColumns, Action onDelete,
            Action onUpdate) {

        Action action(RowChange.Kind kind) {
            return kind == RowChange.Kind.DELETE ? onDelete : onUpdate;
        }

        /** Whether an update changed the referenced columns: only then does ON UPDATE act. */
        boolean keyChanged(byte[][] before, byte[][] after) {
            for (int p : parentColumns) {
                if (!Arrays.equals(before[p], after[p])) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<TableName, List<Edge>> byParent;

    private ForeignKeyActions(Map<TableName, List<Edge>> byParent) {
        this.byParent = byParent;
    }

    static ForeignKeyActions of(Collection<ApplyTarget> targets) {
        Map<TableName, ApplyTarget> byName = new HashMap<>();
        targets.forEach(t -> byName.put(t.mysqlName(), t));
        Map<TableName, List<Edge>> byParent = new HashMap<>();
        for (ApplyTarget child : targets) {
            for (ForeignKeyDef k : child.foreignKeys()) {
                Action onDelete = Action.of(k.onDelete());
                Action onUpdate = Action.of(k.onUpdate());
                ApplyTarget parent = byName.get(k.referenced());
                if ((onDelete == Action.NONE && onUpdate == Action.NONE) || parent == null) {
                    continue; // nothing to do, or a parent whose changes never reach the applier
                }
                int[] childColumns = k.columns().stream().mapToInt(child::position).toArray();
                int[] parentColumns = k.referencedColumns().stream().mapToInt(parent::position).toArray();
                if (Arrays.stream(childColumns).anyMatch(p -> p < 0) || Arrays.stream(parentColumns).anyMatch(p -> p < 0)
                        || childColumns.length != parentColumns.length) {
                    LOG.warn("foreign key {} of {}: columns {} → {}{} are not all tracked; its ON DELETE {} / ON UPDATE {}"
                            + " is not reproduced", k.name(), child.mysqlName(), k.columns(), k.referenced(),
                            k.referencedColumns(), k.onDelete(), k.onUpdate());
                    continue;
                }
                byParent.computeIfAbsent(k.referenced(), t -> new ArrayList<>()).add(new Edge(k.name(),
                        child.mysqlName(), childColumns, k.referenced(), parentColumns, onDelete, onUpdate));
            }
        }
        return new ForeignKeyActions(byParent);
    }

    /** The keys whose parent is {@code parent}. */
    List<Edge> from(TableName parent) {
        return byParent.getOrDefault(parent, List.of());
    }

    /**
     * Whether InnoDB acted on children for this change: a delete of a row some key acts on, or an
     * update that changed a referenced column of such a key. Inserts never act.
     */
    /** Whether some change of {@code table} may act on children (it is the parent of an action). */
    boolean acts(TableName table) {
        return !from(table).isEmpty();
    }

    boolean acts(RowChange change) {
        for (Edge e : from(change.table())) {
            Action action = e.action(change.kind());
            if (action == Action.NONE || change.kind() == RowChange.Kind.INSERT) {
                continue;
            }
            if (change.kind() == RowChange.Kind.DELETE || e.keyChanged(change.before(), change.after())) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return byParent.isEmpty();
    }
}
