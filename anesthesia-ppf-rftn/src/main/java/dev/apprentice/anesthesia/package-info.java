/** The propofol/remifentanil decision-support service: the domain bean the service kit builds on. */
package dev.apprentice.anesthesia;
