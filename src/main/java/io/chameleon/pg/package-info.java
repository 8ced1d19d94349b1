/** The PostgreSQL target: connections and identifier quoting shared by every stage that writes. */
package io.chameleon.pg;
