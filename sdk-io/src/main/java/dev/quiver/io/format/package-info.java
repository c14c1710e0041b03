/**
 * The codec each file format implements ({@link dev.quiver.io.format.FormatCodec}), for the modules that add a
 * format, and what the codecs share: joining batches, plain-language file errors, the I/O threads.
 */
package dev.quiver.io.format;
