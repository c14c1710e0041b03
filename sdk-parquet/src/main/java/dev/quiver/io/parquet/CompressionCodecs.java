package dev.quiver.io.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet's page compression without Hadoop's codec classes: snappy through snappy-java, zstd through zstd-jni (level
 * 3, zstd's default), gzip through the JDK. Other codecs (LZ4, LZO, Brotli) are refused with a message that names
 * them.
 *
 * <p>Thread-safety: stateless; compressors and decompressors hold no state between calls.
 */
final class CompressionCodecs implements CompressionCodecFactory {
    static final CompressionCodecs INSTANCE = new CompressionCodecs();
    private static final int ZSTD_LEVEL = 3;

    private CompressionCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] in = bytes.toByteArray();
                return BytesInput.from(switch (codec) {
                    case UNCOMPRESSED -> in;
                    case SNAPPY -> Snappy.compress(in);
                    case ZSTD -> Zstd.compress(in, ZSTD_LEVEL);
                    case GZIP -> gzip(in);
                    default -> throw new AssertionError(codec);
                });
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(decompressBytes(bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompressBytes(in, uncompressedSize));
            }

            private byte[] decompressBytes(byte[] in, int size) throws IOException {
                byte[] out = switch (codec) {
                    case UNCOMPRESSED -> in;
                    case SNAPPY -> Snappy.uncompress(in);
                    case ZSTD -> Zstd.decompress(in, size);
                    case GZIP -> gunzip(in, size);
                    default -> throw new AssertionError(codec);
                };
                if (out.length != size) {
                    throw new IOException("a " + codec + " page decompressed to " + out.length + " bytes, its header "
                            + "says " + size);
                }
                return out;
            }

            @Override
            public void release() {
            }
        };
    }

    private static void check(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP -> {
            }
            default -> throw new UnsupportedOperationException("pages compressed with " + codec + " are not "
                    + "supported (Quiver reads and writes snappy, zstd, gzip and uncompressed Parquet)");
        }
    }

    private static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(in);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] in, int size) throws IOException {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(in))) {
            return z.readNBytes(size);
        }
    }

    @Override
    public void release() {
    }
}
