package io.chameleon.compare;

import io.chameleon.copy.RangeRecopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * compare --repair: while the replica still holds at the compared point, each table with
 * differences gets its differing key ranges deleted in PostgreSQL and copied again from the same
 * MySQL snapshot, in one PostgreSQL transaction per table ({@link RangeRecopy}). A table where more
 * than {@link #WHOLE_TABLE_SHARE} of the ranges differ, or that is not cut into integer key ranges
 * (text or composite key, no key), is copied again whole. When the replica goes on from the point,
 * the repaired rows are exactly MySQL's there, so nothing it applies later is lost or doubled.
 */
public final class CompareRepair {
    private static final Logger LOG = LoggerFactory.getLogger(CompareRepair.class);
    /** Share of a table's ranges past which copying the whole table again is simpler than range by range. */
    static final double WHOLE_TABLE_SHARE = 0.10;

    /** What the repair of one table did; {@code error} set when it failed (nothing of the table changed). */
    public record Repaired(ComparedTable table, String how, long deleted, long inserted, List<String> discarded, long millis,
            String error) {}

    private final RangeRecopy recopy;

    CompareRepair(RangeRecopy recopy) {
        this.recopy = recopy;
    }

    /**
     * Repairs every table of {@code results} that differs.
     *
     * @param mysql a connection inside compare's MySQL snapshot
     * @param pg a PostgreSQL connection outside compare's read-only snapshot, where the repair commits
     */
    List<Repaired> repair(List<ComparedTable> tables, List<TableResult> results, Connection mysql, Connection pg) {
        List<Repaired> done = new ArrayList<>();
        for (ComparedTable t : tables) {
            TableResult r = results.stream().filter(x -> x.table().equals(t.name())).findFirst().orElseThrow();
            if (r.differenceCount() == 0) {
                continue;
            }
            List<KeyRange> differing = r.differingRanges();
            List<RangeRecopy.Part> parts = new ArrayList<>();
            String how;
            if (differing.stream().anyMatch(KeyRange::whole) || !recopy.rangesOn(t.def(), t.key().get(0))) {
                how = "whole table (" + (t.key().isEmpty() ? "no key" : "not cut into integer key ranges") + ")";
                parts.add(RangeRecopy.Part.WHOLE);
            } else if (differing.size() > WHOLE_TABLE_SHARE * r.ranges()) {
                how = "whole table (" + differing.size() + " of " + r.ranges() + " key ranges differ, more than "
                        + Math.round(WHOLE_TABLE_SHARE * 100) + "%)";
                parts.add(RangeRecopy.Part.WHOLE);
            } else {
                how = differing.size() + " of " + r.ranges() + " key ranges";
                differing.forEach(k -> parts.add(new RangeRecopy.Part(k.from(), k.to())));
            }
            long start = System.nanoTime();
            try {
                RangeRecopy.Outcome o = recopy.recopy(t.def(), t.pgSchema(), t.key().isEmpty() ? null : t.key().get(0),
                        parts, mysql, pg);
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.info("repaired {}: {}, {} rows deleted and {} copied again in {} ms", t.name(), how, o.deleted(),
                        o.inserted(), ms);
                done.add(new Repaired(t, how, o.deleted(), o.inserted(), o.discarded(), ms, null));
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.error("repair of {} failed, nothing of it changed: {}", t.name(), e.getMessage());
                done.add(new Repaired(t, how, 0, 0, List.of(), (System.nanoTime() - start) / 1_000_000,
                        e.getMessage()));
            }
        }
        return done;
    }
}
