/** TLS to both servers: the SSL contexts built from the ssl keys, one for every connection path, and their refusals in one line. */
package io.chameleon.tls;
