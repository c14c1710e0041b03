/** Helpers shared by the module's packages; not exported. */
package dev.quiver.backtest.internal;
