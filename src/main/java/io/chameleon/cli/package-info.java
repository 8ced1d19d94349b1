/** The command line: one class per pg_chameleon command, logging set-up, detaching into the background. */
package io.chameleon.cli;
