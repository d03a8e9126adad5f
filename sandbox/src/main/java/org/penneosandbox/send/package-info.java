/**
 * The send API's asynchronous jobs: a case file submitted as multipart, polled by uuid and hash.
 */
package org.penneosandbox.send;
