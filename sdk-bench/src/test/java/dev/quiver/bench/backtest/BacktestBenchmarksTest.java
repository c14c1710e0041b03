package dev.quiver.bench.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.RunOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.TradingRecord;

/** Runs each backtest benchmark once: every contender trades the same way, and the sweeps complete every run. */
class BacktestBenchmarksTest {

    @Test
    void everyContenderTradesTheSameCrossover() {
        SmaCrossBenchmark b = new SmaCrossBenchmark();
        b.setUp();
        Metrics event = b.eventEngine();
        Metrics vectorised = b.vectorised();
        TradingRecord ta4j = b.ta4j();
        TradingRecord ta4jDouble = b.ta4jDouble();
        double last = b.bareLoop();

        assertThat(event.trades()).isGreaterThan(20);
        assertThat(vectorised).isEqualTo(event);
        assertThat(ta4j.getPositionCount()).isEqualTo(event.trades());
        assertThat(ta4jDouble.getPositionCount()).isEqualTo(event.trades());
        // one unit per trade, no costs: the bare loop's final equity is the event engine's
        assertThat(last).isCloseTo(100_000 * (1 + event.totalReturn()), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void sweepsCompleteEveryRunAndAgree() throws Exception {
        SweepBenchmark b = new SweepBenchmark();
        b.threads = 2;
        b.fasts = 4;
        b.slows = 3;
        b.bars = 600;
        b.setUp();
        try {
            List<RunOutcome> event = b.eventSweep();
            Metrics[] vectorised = b.vectorisedSweep();
            assertThat(event).hasSize(12).allMatch(o -> o instanceof RunOutcome.Completed);
            for (int i = 0; i < event.size(); i++) {
                assertThat(vectorised[i]).as(event.get(i).run().label())
                        .isEqualTo(((RunOutcome.Completed) event.get(i)).result().metrics());
            }
        } finally {
            b.tearDown();
        }
    }
}
