/**
 * How feature plans run on the host: the {@link dev.quiver.features.execution.CpuExecutor CPU plan executor}, the
 * {@link dev.quiver.features.execution.ColumnPool column pool} that output and scratch columns are borrowed from, and
 * the grouping of symbols into units of work.
 */
package dev.quiver.features.execution;
