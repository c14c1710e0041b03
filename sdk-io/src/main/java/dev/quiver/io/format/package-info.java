/**
 * Internal: the codec each file format implements, and what the codecs share (joining batches, plain-language file
 * errors). Not exported.
 */
package dev.quiver.io.format;
