package io.chameleon.copy;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the load tells the replica catalogue. {@link #loaded} runs inside the transaction that
 * swaps the loaded tables into place, so the catalogue and the tables change together.
 */
public interface LoadCatalog extends DiscardSink {
    void loaded(Connection swapTransaction, LoadResult result) throws SQLException;
}
