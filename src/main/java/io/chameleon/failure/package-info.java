/** What a failure means for the work that met it: try again after a pause, leave its table out, or stop. */
package io.chameleon.failure;
