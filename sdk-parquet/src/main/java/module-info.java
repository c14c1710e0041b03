/**
 * Parquet files for {@link dev.quiver.io.TableFiles} through parquet-java: the {@code PARQUET} format codec, found by
 * {@link java.util.ServiceLoader}. Nothing is exported: applications read and write Parquet through sdk-io's
 * {@code TableFiles}, and this module only provides the codec.
 *
 * <p>parquet-java's jars (parquet-column, -common, -encoding, -hadoop, -format-structures, -jackson) and the Hadoop
 * client API they name have no module descriptors and split packages between them ({@code org.apache.parquet},
 * {@code org.apache.parquet.io}, ...), so they cannot be modules, automatic or not: on the module path they stay on
 * the class path. This module reads the class path (the unnamed module): the build compiles it with
 * {@code --add-reads dev.quiver.io.parquet=ALL-UNNAMED}, and {@link dev.quiver.io.parquet.ParquetCodec} adds the
 * same edge when it is created, so an application needs no flag for it (see docs/build.md, "The module path").
 *
 * @provides dev.quiver.io.format.FormatCodec the {@code PARQUET} format
 */
module dev.quiver.io.parquet {
    requires dev.quiver.io;
    // the codecs replacing parquet-java's own (CompressionCodecs): modules of their own, unlike parquet-java
    requires com.github.luben.zstd_jni;
    // automatic module (Automatic-Module-Name in its manifest)
    requires org.xerial.snappy;

    provides dev.quiver.io.format.FormatCodec with dev.quiver.io.parquet.ParquetCodec;
}
