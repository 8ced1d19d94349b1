/** The JSON every stage writes (--json output, catalogue columns), in one writer and without a library. */
package io.chameleon.json;
