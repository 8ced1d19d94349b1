package io.chameleon.cli;

/** A command ends with this exit code and one line for the user. */
final class CommandFailure extends RuntimeException {
    final ExitCode exit;

    CommandFailure(ExitCode exit, String message) {
        super(message);
        this.exit = exit;
    }
}
