package dev.quiver.api.provider;

/** A test-only SPI whose registrations include providers that fail to load. */
public interface WidgetProvider extends QuiverProvider {
}
