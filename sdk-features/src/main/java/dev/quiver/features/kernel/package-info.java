/**
 * Building blocks shared by the kernels of every family and every provider: the {@link
 * dev.quiver.features.kernel.Operator operator} (descriptor plus kernel factory), the {@link
 * dev.quiver.features.kernel.OperatorCatalog catalog} a provider serves them from, output naming
 * ({@link dev.quiver.features.kernel.KernelNames}), and base classes for time-series kernels: {@link
 * dev.quiver.features.kernel.SingleInputKernel} / {@link dev.quiver.features.kernel.SingleInputState} for one input
 * and one output, {@link dev.quiver.features.kernel.MultiInputKernel} / {@link
 * dev.quiver.features.kernel.MultiInputState} for any number of inputs ({@code high, low, close}) and outputs
 * ({@code upper, middle, lower}).
 *
 * <h2>Conventions every kernel follows</h2>
 * <ul>
 *   <li><b>Missing values.</b> An input that is {@code NaN} or infinite is missing. Window operators (SMA) output
 *       {@code NaN} for every window that contains a missing value and recover once it has left the window.
 *       Recursive operators (EMA, RSI) output {@code NaN} on the missing bar and leave their state unchanged, so
 *       their outputs at the other bars equal what they give on the series with the missing bars removed. Infinite
 *       values count as missing because a running sum or recursion would otherwise turn them into a {@code NaN} that
 *       never leaves.</li>
 *   <li><b>Several inputs.</b> A bar of a multi-input operator ({@code high, low, close}) is missing when any of
 *       its inputs is, and is then treated as the operator documents for a missing value.</li>
 *   <li><b>Batch equals incremental.</b> Each operator's batch loop and its incremental state perform the same
 *       floating-point operations in the same order, so they agree bit for bit.</li>
 *   <li><b>Reference arithmetic.</b> Where TA-Lib defines an operator, the scalar kernels follow its order of
 *       operations, so their outputs equal TA-Lib's (Java port 0.4.0) bit for bit on finite input.</li>
 * </ul>
 *
 * <p>This package is not exported from the module: it may change while the Vector API kernels are added.
 */
package dev.quiver.features.kernel;
