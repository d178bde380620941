/** Crypto-shredding of behaviour data: each user's own data key, the ring that keeps and destroys them, and sealing records with them. */
package dev.apprentice.phonesecurity.privacy;
