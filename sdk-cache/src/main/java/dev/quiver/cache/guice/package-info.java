/**
 * Guice bindings for the tiered cache. Guice is an optional dependency: only applications that use Guice load this
 * package.
 */
package dev.quiver.cache.guice;
