/** compare: MySQL against PostgreSQL at one binlog point, the running replica held there, value by value by meaning. */
package io.chameleon.compare;
