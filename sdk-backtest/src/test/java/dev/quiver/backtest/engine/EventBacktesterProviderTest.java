package dev.quiver.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.BacktesterProvider;
import dev.quiver.api.provider.ProviderDiscovery;
import org.junit.jupiter.api.Test;

/** The engine is discovered as the {@code event} backtest provider. */
class EventBacktesterProviderTest {

    @Test
    void discoveryFindsTheEventEngine() {
        BacktesterProvider p = ProviderDiscovery.load("backtest", BacktesterProvider.class).select();
        assertThat(p.name()).isEqualTo("event");
        assertThat(p.priority()).isZero();
        assertThat(p.availability().available()).isTrue();
        assertThat(p.create()).isInstanceOf(EventBacktester.class);
    }
}
