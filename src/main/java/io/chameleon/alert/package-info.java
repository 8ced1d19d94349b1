/** Alerts: the events a user wants to hear about (a load finished or failed, the replica stopped), sent to Rollbar. */
package io.chameleon.alert;
