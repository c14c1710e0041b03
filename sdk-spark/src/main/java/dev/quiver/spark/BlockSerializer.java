package dev.quiver.spark;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.util.ByteBufferInputStream;
import scala.reflect.ClassTag;

/**
 * The serializer of {@link SparkFeatures}' shuffles, whose records are (partition, {@link ColumnBlock} bytes): an
 * int as four bytes, a byte array as its length and its bytes, each after a one-byte type tag. A block of megabytes
 * goes to the shuffle file (through Spark's compression) in one write and comes back in one read, where Java
 * serialization would copy it through its 1 KB block buffer; and it does not depend on the session's
 * {@code spark.serializer}.
 *
 * <p>Thread-safety: the serializer is immutable; each instance and stream is used by one task.
 */
final class BlockSerializer extends Serializer implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final byte INT = 1;
    private static final byte BYTES = 2;

    @Override
    public SerializerInstance newInstance() {
        return new Instance();
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case Integer i -> {
                out.writeByte(INT);
                out.writeInt(i);
            }
            case byte[] bytes -> {
                out.writeByte(BYTES);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            default -> throw new IllegalArgumentException("the block serializer writes ints and byte arrays, not a "
                    + value.getClass().getName());
        }
    }

    /** Reads a value; at the end of the stream the {@link java.io.EOFException} Spark's iterators stop at. */
    private static Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case INT -> in.readInt();
            case BYTES -> {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                yield bytes;
            }
            default -> throw new IOException("not a block serializer record: type tag " + tag);
        };
    }

    private static final class Instance extends SerializerInstance {
        @Override
        public <T> ByteBuffer serialize(T value, ClassTag<T> tag) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(out, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ByteBuffer.wrap(bytes.toByteArray());
        }

        @Override
        public <T> T deserialize(ByteBuffer bytes, ClassTag<T> tag) {
            try (DataInputStream in = new DataInputStream(new ByteBufferInputStream(bytes))) {
                @SuppressWarnings("unchecked")
                T value = (T) read(in);
                return value;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> T deserialize(ByteBuffer bytes, ClassLoader loader, ClassTag<T> tag) {
            return deserialize(bytes, tag);
        }

        @Override
        public SerializationStream serializeStream(OutputStream stream) {
            DataOutputStream out = new DataOutputStream(stream);
            return new SerializationStream() {
                @Override
                public <T> SerializationStream writeObject(T value, ClassTag<T> tag) {
                    try {
                        write(out, value);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return this;
                }

                @Override
                public void flush() {
                    try {
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        out.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }

        @Override
        public DeserializationStream deserializeStream(InputStream stream) {
            DataInputStream in = new DataInputStream(stream);
            return new DeserializationStream() {
                @Override
                public <T> T readObject(ClassTag<T> tag) {
                    try {
                        @SuppressWarnings("unchecked")
                        T value = (T) read(in);
                        return value;
                    } catch (java.io.EOFException e) {
                        throw sneaky(e);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        in.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
    }

    /**
     * Spark's {@code asKeyValueIterator} ends at an {@link java.io.EOFException} thrown by {@code readObject}, a
     * checked exception that Scala declares nowhere: rethrown as it is.
     */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
