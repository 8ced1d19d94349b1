package io.chameleon.replica;

/**
 * The replica stopped because a server went away and on_error_read is exit. The message names the
 * server, what happened, and how to go on; the applied position is untouched.
 */
public final class OutageStop extends Exception {
    OutageStop(Outage outage, String sourceName) {
        super(outage.message() + "; on_error_read is exit, so the replica stops with status error at its applied"
                + " position (nothing is lost). Once " + outage.server() + " is back: enable_replica --source "
                + sourceName + ", then start_replica --source " + sourceName + "; or set on_error_read: continue"
                + " to wait for it", outage.cause());
    }
}
