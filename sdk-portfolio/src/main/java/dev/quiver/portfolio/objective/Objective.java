package dev.quiver.portfolio.objective;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a portfolio search maximises, before the correlation penalty: a score of the portfolio's daily P&amp;L (the
 * sum of its strategies' daily P&amp;L). The search's fitness is {@code score × (1 − w × mean pairwise correlation)}
 * ({@link dev.quiver.portfolio.search.PortfolioProblem}).
 *
 * <p>The built-in objectives are the constants of {@link Standard}; an application may implement its own.
 * Implementations must be pure functions of the series (a search calls them from several threads at once).
 *
 * <p>Thread-safety: implementations must be thread-safe; the built-in ones are stateless.
 */
public interface Objective {
    /** The name used on the command line and in outputs ({@code ratio}, {@code sharpe}). */
    String name();

    /** The score of a daily P&amp;L series; finite for every finite series. */
    double score(double[] pnl);

    /** The built-in objective called {@code name} (case and {@code -}/{@code _} ignored). */
    static Objective byName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Standard s : Standard.values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + name + "'; known: " + Standard.names());
    }

    /** The built-in objectives; formulas in {@link PnlStatistics}. */
    enum Standard implements Objective {
        /** ROI over maximum drawdown (ROI when the drawdown is 0): the default. */
        ratio {
            @Override
            public double score(double[] pnl) {
                return PnlStatistics.ratio(pnl);
            }
        },
        /** The total P&amp;L. */
        roi {
            @Override
            public double score(double[] pnl) {
                return PnlStatistics.roi(pnl);
            }
        },
        /** The annualised Sharpe ratio (sample sd). */
        sharpe {
            @Override
            public double score(double[] pnl) {
                return PnlStatistics.sharpe(pnl);
            }
        },
        /** The annualised Sortino ratio. */
        sortino {
            @Override
            public double score(double[] pnl) {
                return PnlStatistics.sortino(pnl);
            }
        },
        /** The annualised mean over the maximum drawdown. */
        calmar {
            @Override
            public double score(double[] pnl) {
                return PnlStatistics.calmar(pnl);
            }
        },
        /** The share of winning days among active days. */
        win_rate {
            @Override
            public double score(double[] pnl) {
                return PnlStatistics.winRate(pnl);
            }
        },
        /** Gains over losses. */
        profit_factor {
            @Override
            public double score(double[] pnl) {
                return PnlStatistics.profitFactor(pnl);
            }
        };

        /** Every name, for error messages and help. */
        public static List<String> names() {
            return Arrays.stream(values()).map(Enum::name).toList();
        }
    }
}
