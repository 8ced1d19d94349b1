package io.chameleon.cli;

import java.io.PrintStream;

/** Where a command prints: its result to {@code out}, problems to {@code err}. */
record Io(PrintStream out, PrintStream err) {}
