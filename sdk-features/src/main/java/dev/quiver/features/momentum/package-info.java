/**
 * Momentum oscillators: RSI, MACD, the stochastics (slow, fast, RSI), Williams' %R, CCI, ROC, momentum, CMO, the
 * directional movement system (ADX, +DI, −DI, DX), Aroon and its oscillator, MFI, the ultimate oscillator, TRIX, PPO
 * and APO, with TA-Lib's defaults, scales and arithmetic. Each indicator class holds its descriptor, and its batch
 * kernel and incremental state (or names the shared ones it uses); {@link dev.quiver.features.momentum.Momentum}
 * lists them. {@code docs/indicators.md} tabulates their conventions.
 *
 * <h2>Missing values</h2>
 * Two rules, one per kind of operator, stated on each class:
 * <ul>
 *   <li><b>Recursive operators</b> (RSI, MACD, CMO, TRIX, stochastic RSI, the directional movement system, and APO
 *       and PPO with EMAs) skip a bar with a missing input: it outputs {@code NaN} and the state is left
 *       unchanged, so the outputs at the other bars are those of the series with the missing bars removed.</li>
 *   <li><b>Window operators</b> (the stochastics, Williams' %R, CCI, ROC, momentum, Aroon, MFI, the ultimate
 *       oscillator, and APO and PPO with SMAs) restart after one: the bar outputs {@code NaN}, and output resumes
 *       after a full warm-up, so every output whose windows hold a missing bar is {@code NaN}.</li>
 * </ul>
 */
package dev.quiver.features.momentum;
