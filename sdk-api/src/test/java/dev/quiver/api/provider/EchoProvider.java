package dev.quiver.api.provider;

/** A test-only SPI whose providers share names, to exercise de-duplication. */
public interface EchoProvider extends QuiverProvider {
}
