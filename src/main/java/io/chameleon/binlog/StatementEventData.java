package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.QueryEventData;
import io.chameleon.mysql.SessionSettings;

/** A QUERY event with the session settings its status variables carry. */
public final class StatementEventData extends QueryEventData {
    private SessionSettings session = SessionSettings.DEFAULT;

    public SessionSettings session() {
        return session;
    }

    void session(SessionSettings session) {
        this.session = session;
    }
}
