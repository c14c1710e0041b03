/**
 * Quiver's data I/O: tables in and out of CSV, Parquet and Arrow IPC files ({@link dev.quiver.io.TableFiles}), the
 * one bridge between Quiver tables and Arrow vectors ({@code dev.quiver.io.arrow}) that the cache and the stores
 * use and price tables of every shape ({@code dev.quiver.io.panel}). Its JSON outputs and the format codecs' interface
 * are exported only to the sibling modules that use them.
 */
// the qualified exports name modules built after this one
@SuppressWarnings("module")
module dev.quiver.io {
    requires transitive dev.quiver.api;
    requires transitive org.apache.arrow.vector;
    requires transitive org.apache.arrow.memory.core;
    // Arrow looks its allocation manager up by name; on the module path it must be resolved by someone
    requires org.apache.arrow.memory.unsafe;
    requires org.apache.arrow.compression;
    requires de.siegmar.fastcsv;
    requires ch.randelshofer.fastdoubleparser;
    requires tools.jackson.databind;

    exports dev.quiver.io;
    exports dev.quiver.io.arrow;
    exports dev.quiver.io.panel;
    // internals the sibling modules share, not API: Quiver's JSON outputs (they hand out Jackson's types, so Jackson
    // would otherwise have to be part of this module's API) ...
    exports dev.quiver.io.json to dev.quiver.backtest, dev.quiver.portfolio;
    // ... and the codec interface with the helpers codecs share, for the one format module (TableFormat is closed:
    // CSV and Arrow IPC live here, Parquet in sdk-parquet)
    exports dev.quiver.io.format to dev.quiver.io.parquet;

    uses dev.quiver.io.format.FormatCodec;
}
