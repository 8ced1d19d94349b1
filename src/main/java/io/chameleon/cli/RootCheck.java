package io.chameleon.cli;

import java.util.Optional;

/**
 * pg_chameleon refuses to run as root ("pg_chameleon cannot be run as root", exit 10); so does
 * start_replica, unless the environment variable {@code CHAMELEON_ALLOW_ROOT=1} or the system
 * property {@code chameleon.allowRoot=true} (for a harness that runs commands in its own JVM)
 * allows it. Containers and CI often run as root.
 */
final class RootCheck {
    static final String ENV = "CHAMELEON_ALLOW_ROOT";
    static final String PROPERTY = "chameleon.allowRoot";

    private RootCheck() {}

    /** Whether running as root was allowed by the variable or the property. */
    static boolean allowed() {
        return allowed(System.getenv(ENV), System.getProperty(PROPERTY));
    }

    static boolean allowed(String env, String property) {
        return "1".equals(env) || "true".equalsIgnoreCase(property) || "1".equals(property);
    }

    /** The refusal for this user, empty when the command may run. */
    static Optional<String> refusal(String user, boolean allowed) {
        if (!"root".equals(user) || allowed) {
            return Optional.empty();
        }
        return Optional.of("chameleon cannot be run as root (as pg_chameleon); run it as an ordinary user, or set "
                + ENV + "=1 to allow it");
    }

    /** @throws CommandFailure with exit 10 when run as root without the switch */
    static void require(String command) {
        refusal(System.getProperty("user.name"), allowed()).ifPresent(m -> {
            throw new CommandFailure(ExitCode.RUN_AS_ROOT, command + ": " + m);
        });
    }
}
