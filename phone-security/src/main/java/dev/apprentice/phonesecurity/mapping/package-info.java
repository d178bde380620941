/** The edge between the sealed Avro records on the behaviour topic and the core's expert steps. */
package dev.apprentice.phonesecurity.mapping;
