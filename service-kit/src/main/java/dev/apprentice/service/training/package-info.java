/** Training jobs shared by every domain: the bounded job queue, automatic training, evaluation under a fixed protocol, registration, and the promotion rule. */
package dev.apprentice.service.training;
