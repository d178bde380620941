/** Small dense linear algebra the core and the services share, where a matrix library would be too much. */
package dev.apprentice.il.linalg;
