/**
 * Typed parameters: the {@link dev.quiver.api.param.ParamSpec declarations} an operator or strategy publishes and
 * the {@link dev.quiver.api.param.Params values} bound to them.
 */
package dev.quiver.api.param;
