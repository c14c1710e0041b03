/**
 * Provider discovery shared by every SPI: {@link dev.quiver.api.provider.QuiverProvider} is what each provider
 * implements, {@link dev.quiver.api.provider.ProviderDiscovery} finds, probes, orders and chooses them.
 */
package dev.quiver.api.provider;
