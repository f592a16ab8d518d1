/**
 * Reading inputs safely: regular files and streams, with a size limit enforced while reading.
 */
package org.cimnet.core.io;
