package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.CheckResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** A configuration file that holds passwords must be for its owner's eyes only, as ssh and libpq want their keys. */
final class ConfigFilePermissions {
    static final String NAME = "configuration file permissions";
    private static final Set<PosixFilePermission> OPEN = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private ConfigFilePermissions() {}

    static CheckResult check(ChameleonConfig config) {
        Path file = config.file();
        if (!holdsSecrets(config)) {
            return CheckResult.ok(NAME, file + " holds no password");
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return CheckResult.ok(NAME, file + ": no POSIX permissions to check");
        }
        String mode = PosixFilePermissions.toString(permissions);
        if (permissions.stream().noneMatch(OPEN::contains)) {
            return CheckResult.ok(NAME, file + " is " + mode);
        }
        return CheckResult.warning(NAME, file + " holds passwords and is " + mode + ": other users can read them",
                "chmod 600 " + file);
    }

    private static boolean holdsSecrets(ChameleonConfig config) {
        boolean any = present(config.pgConn().password()) || present(config.global().rollbarKey());
        for (SourceConfig s : config.sources().values()) {
            any |= present(s.dbConn().password());
        }
        return any;
    }

    private static boolean present(String secret) {
        return secret != null && !secret.isEmpty();
    }
}
