/** What a phone reports about how its holder behaves: the context of a sample and its typing and motion features. */
package dev.apprentice.phonesecurity.behaviour;
