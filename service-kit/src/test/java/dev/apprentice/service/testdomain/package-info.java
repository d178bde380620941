/** The kit's test domain (the identity task), plugged in exactly as a real domain module plugs in. */
package dev.apprentice.service.testdomain;
