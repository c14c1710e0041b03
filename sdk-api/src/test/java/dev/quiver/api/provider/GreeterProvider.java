package dev.quiver.api.provider;

import java.util.Set;

/**
 * A test-only SPI. Its providers are registered in {@code META-INF/services} of the test resources, in an order that
 * would give the wrong answer if discovery went by class-path order.
 */
public interface GreeterProvider extends QuiverProvider {

    /** The languages this provider speaks: the capability that {@code select(capable, request)} filters on. */
    Set<String> languages();
}
