/**
 * Quiver's data I/O: tables in and out of CSV, Parquet and Arrow IPC files ({@link dev.quiver.io.TableFiles}), the
 * one bridge between Quiver tables and Arrow vectors ({@code dev.quiver.io.arrow}) that the cache and the stores
 * use, price tables of every shape ({@code dev.quiver.io.panel}) and JSON outputs ({@code dev.quiver.io.json}).
 */
module dev.quiver.io {
    requires transitive dev.quiver.api;
    requires transitive org.apache.arrow.vector;
    requires transitive org.apache.arrow.memory.core;
    // Arrow looks its allocation manager up by name; on the module path it must be resolved by someone
    requires org.apache.arrow.memory.unsafe;
    requires org.apache.arrow.compression;
    requires de.siegmar.fastcsv;
    requires ch.randelshofer.fastdoubleparser;
    // transitive: JsonFiles takes and returns Jackson's JsonMapper and nodes
    requires transitive tools.jackson.databind;

    exports dev.quiver.io;
    exports dev.quiver.io.arrow;
    exports dev.quiver.io.panel;
    exports dev.quiver.io.json;
    // for format modules (sdk-parquet): the codec interface and the helpers codecs share
    exports dev.quiver.io.format;

    uses dev.quiver.io.format.FormatCodec;
}
