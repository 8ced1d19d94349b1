package io.chameleon.cli;

/** The documented exit codes (docs/commands.md). */
enum ExitCode {
    OK(0),
    /** the command failed while running: a server error, a lost connection */
    FAILED(1),
    /** compare found differences (the report lists them) */
    DIFFERENT(1),
    /** the command line or the configuration file is wrong */
    USAGE(2),
    /** a preflight check failed: the fix is printed */
    CHECK_FAILED(3),
    /** refused: a catalogue that is not ours, a confirmation not given, a source in the wrong state */
    REFUSED(4),
    /** run as root, which pg_chameleon refuses (exit 10) unless CHAMELEON_ALLOW_ROOT=1 allows it */
    RUN_AS_ROOT(10);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
