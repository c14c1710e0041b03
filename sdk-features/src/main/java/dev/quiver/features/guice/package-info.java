/**
 * Guice bindings for the features module: {@link dev.quiver.features.guice.FeaturesModule}. Needs Guice on the
 * class or module path; nothing else in the features module does.
 */
package dev.quiver.features.guice;
