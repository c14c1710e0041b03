/**
 * Price tables of every shape, as a checked, sorted {@link dev.quiver.api.table.Panel}:
 * {@link dev.quiver.io.panel.PriceTable#read PriceTable.read(file, readOptions, options)}.
 *
 * <h2>Shapes</h2>
 * <ul>
 *   <li><b>long</b>: one row per (date, symbol): {@code Date, Symbol, Open, High, Low, Close, Volume, ...};</li>
 *   <li><b>series</b>: one symbol, no symbol column: {@code Date, Open, High, Low, Close, Volume, ...}; the symbol
 *       is given ({@code --symbol}) or the file name without its extension;</li>
 *   <li><b>wide</b>: one row per date and one column per symbol holding one field ({@code close} unless named):
 *       {@code Date, AAPL, MSFT, ...}; a missing cell means that symbol has no bar that date.</li>
 * </ul>
 * Unless the shape is given: a symbol column ({@code Symbol} or {@code Ticker} in any case, or the one named) makes it
 * long; else any of {@code Open, High, Low, Close, Volume, AdjClose} makes it a series; else, when every other
 * column holds numbers, it is wide; else it is an error that says so.
 *
 * <h2>Columns</h2>
 * The date column is the one named, else the first of {@code Date, Time, Timestamp, Datetime} in any case; it
 * holds dates or timestamps (or ISO text). In the sorted table it is {@code date}, the symbol {@code symbol}, and the
 * prices {@code open, high, low, close, volume, adjclose} ({@code Adj Close} and {@code adj_close} are
 * {@code adjclose}); other columns keep their names. {@link dev.quiver.io.panel.PriceTable#inputName} gives a
 * column's name in the input, so outputs can reuse the user's names. Numeric columns become {@code FLOAT64}
 * (integers too, missing values {@code NaN}); text columns stay text (a sector for {@code xs_neutralize}). Only the
 * columns a command names as required must be present: a close-only file serves a close-only strategy.
 *
 * <h2>Order</h2>
 * Rows may come in any order: they are sorted by symbol (ascending, as {@link java.lang.String#compareTo}) then date,
 * stably. {@link dev.quiver.io.panel.PriceTable#inInputOrder} puts results back into the input's row order. A
 * (symbol, date) pair given twice is an error naming both lines.
 *
 * <h2>Checks</h2>
 * Unless turned off (for data that are not prices): {@code open, high, low, close, adjclose} must be present, finite
 * and positive; the high must not be below the low; the close and the open must lie within [low, high]; a volume must
 * not be negative (it may be missing). In a wide table every present cell is checked as the field it holds. Every
 * error names the file, the line (or the row of a binary file), the column and the value.
 */
package dev.quiver.io.panel;
