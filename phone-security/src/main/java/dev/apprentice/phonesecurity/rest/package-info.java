/** The phone-security endpoints: users' keys, enrolment, session scores, model cards and erasure, and the population. */
package dev.apprentice.phonesecurity.rest;
