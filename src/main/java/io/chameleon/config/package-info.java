/**
 * The YAML configuration file (pg_chameleon 2.0's keys and defaults), read once, validated up
 * front and turned into immutable records.
 */
package io.chameleon.config;
