/**
 * Tables in and out of files: {@link dev.quiver.io.TableFiles} reads and writes CSV (RFC 4180), Parquet and Arrow
 * IPC files, whole or batch by batch, by extension or by {@link dev.quiver.io.TableFormat}; {@link
 * dev.quiver.io.CsvFormat} is the CSV dialect; every failure is a {@link dev.quiver.io.DataFileException} naming the
 * file, line, column and value. See {@code docs/io.md}.
 */
package dev.quiver.io;
