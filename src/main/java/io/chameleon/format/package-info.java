/** Output formats every stage shares: JSON (for --json and catalogue columns) and plain text tables. */
package io.chameleon.format;
