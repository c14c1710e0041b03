/**
 * File output shared by every module: {@link dev.quiver.api.io.AtomicFiles} writes a file completely or not at all.
 */
package dev.quiver.api.io;
