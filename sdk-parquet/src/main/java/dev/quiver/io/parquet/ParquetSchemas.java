package dev.quiver.io.parquet;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Quiver schemas as Parquet schemas and back.
 *
 * <table>
 *   <caption>Quiver logical types and Parquet types</caption>
 *   <tr><th>Quiver</th><th>written as</th><th>also read as it</th></tr>
 *   <tr><td>FLOAT64</td><td>DOUBLE</td><td>DECIMAL (rounded to the nearest double)</td></tr>
 *   <tr><td>FLOAT32</td><td>FLOAT</td><td></td></tr>
 *   <tr><td>INT64</td><td>INT64</td><td>INT32 UINT_32, INT64 UINT_64 (a value above 2<sup>63</sup>-1 is an
 *       error)</td></tr>
 *   <tr><td>INT32</td><td>INT32</td><td>INT32 UINT_16</td></tr>
 *   <tr><td>INT16</td><td>INT32 INT_16</td><td>INT32 UINT_8</td></tr>
 *   <tr><td>INT8</td><td>INT32 INT_8</td><td></td></tr>
 *   <tr><td>BOOLEAN</td><td>BOOLEAN</td><td></td></tr>
 *   <tr><td>STRING</td><td>BINARY STRING</td><td>BINARY without annotation, ENUM, JSON (as UTF-8 text)</td></tr>
 *   <tr><td>DATE</td><td>INT32 DATE</td><td></td></tr>
 *   <tr><td>TIMESTAMP</td><td>INT64 TIMESTAMP(MILLIS, UTC)</td><td>TIMESTAMP of any unit, adjusted to UTC or not
 *       (as UTC); INT96 (legacy Spark/Impala); finer units are floored to milliseconds</td></tr>
 * </table>
 * Every column is written OPTIONAL (missing values are nulls). Nested types (lists, maps, groups), times, UUIDs,
 * intervals and float16 are refused, naming the column.
 *
 * <p>Thread-safety: stateless.
 */
final class ParquetSchemas {
    private ParquetSchemas() {
    }

    /** The Parquet schema a Quiver schema is written as. */
    static MessageType toParquet(Schema schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Field f : schema.fields()) {
            b.addField(switch (f.logical()) {
                case FLOAT64 -> Types.optional(PrimitiveTypeName.DOUBLE).named(f.name());
                case FLOAT32 -> Types.optional(PrimitiveTypeName.FLOAT).named(f.name());
                case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(f.name());
                case INT32 -> Types.optional(PrimitiveTypeName.INT32).named(f.name());
                case INT16 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, true))
                        .named(f.name());
                case INT8 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true))
                        .named(f.name());
                case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(f.name());
                case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(f.name());
                case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType())
                        .named(f.name());
                case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true,
                        LogicalTypeAnnotation.TimeUnit.MILLIS)).named(f.name());
            });
        }
        return b.named("quiver");
    }

    /**
     * The Quiver schema a Parquet schema is read as.
     *
     * @throws UnsupportedOperationException naming the first column Quiver cannot hold
     */
    static Schema toQuiver(MessageType schema) {
        List<Field> fields = new ArrayList<>();
        for (Type t : schema.getFields()) {
            fields.add(Field.of(t.getName(), logicalType(t)));
        }
        return Schema.of(fields);
    }

    static LogicalType logicalType(Type t) {
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
            throw unsupported(t, "a nested or repeated type (" + t + ")");
        }
        PrimitiveType p = t.asPrimitiveType();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
            return LogicalType.FLOAT64;
        }
        return switch (p.getPrimitiveTypeName()) {
            case BOOLEAN -> LogicalType.BOOLEAN;
            case FLOAT -> LogicalType.FLOAT32;
            case DOUBLE -> LogicalType.FLOAT64;
            case INT96 -> LogicalType.TIMESTAMP;
            case INT32 -> switch (a) {
                case null -> LogicalType.INT32;
                case LogicalTypeAnnotation.DateLogicalTypeAnnotation d -> LogicalType.DATE;
                case LogicalTypeAnnotation.IntLogicalTypeAnnotation i when i.isSigned() -> i.getBitWidth() == 8
                        ? LogicalType.INT8 : i.getBitWidth() == 16 ? LogicalType.INT16 : LogicalType.INT32;
                case LogicalTypeAnnotation.IntLogicalTypeAnnotation i -> i.getBitWidth() == 8 ? LogicalType.INT16
                        : i.getBitWidth() == 16 ? LogicalType.INT32 : LogicalType.INT64;
                default -> throw unsupported(t, "INT32 " + a);
            };
            case INT64 -> switch (a) {
                case null -> LogicalType.INT64;
                case LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts -> LogicalType.TIMESTAMP;
                case LogicalTypeAnnotation.IntLogicalTypeAnnotation i -> LogicalType.INT64;
                default -> throw unsupported(t, "INT64 " + a);
            };
            case BINARY -> switch (a) {
                case null -> LogicalType.STRING;
                case LogicalTypeAnnotation.StringLogicalTypeAnnotation s -> LogicalType.STRING;
                case LogicalTypeAnnotation.EnumLogicalTypeAnnotation e -> LogicalType.STRING;
                case LogicalTypeAnnotation.JsonLogicalTypeAnnotation j -> LogicalType.STRING;
                default -> throw unsupported(t, "BINARY " + a);
            };
            case FIXED_LEN_BYTE_ARRAY -> throw unsupported(t, "FIXED_LEN_BYTE_ARRAY" + (a == null ? "" : " " + a));
        };
    }

    private static UnsupportedOperationException unsupported(Type t, String what) {
        return new UnsupportedOperationException("column '" + t.getName() + "' is " + what + ", which Quiver cannot "
                + "hold (it holds numbers, booleans, text, dates and timestamps)");
    }
}
