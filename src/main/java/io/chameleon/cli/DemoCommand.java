package io.chameleon.cli;

import picocli.CommandLine.Command;

/**
 * The demo needs embedded MariaDB and PostgreSQL binaries, which the installed jar leaves out to stay lean:
 * bin/chameleon runs it from a checkout through Maven, which fetches them. Run from the jar, it says so.
 */
@Command(name = "demo", description = "Run the demo replica on embedded MariaDB and PostgreSQL (from a checkout).")
final class DemoCommand extends ChameleonCommand {
    @Override
    ExitCode execute() {
        throw new CommandFailure(ExitCode.USAGE, "the demo needs the embedded MariaDB and PostgreSQL that the installed"
                + " tool leaves out; from a Chameleon checkout run: bin/chameleon demo"
                + " (it runs mvn -q -B test-compile exec:java@demo)");
    }
}
