/** The phone-security service's own settings ({@code apprentice.phone-security.*}); the kit's are in service-kit. */
package dev.apprentice.phonesecurity.config;
