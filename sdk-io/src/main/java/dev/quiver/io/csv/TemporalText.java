package dev.quiver.io.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Dates and date-times as CSV text, in ISO 8601: {@code 2020-01-31} for a {@code DATE};
 * {@code 2020-01-31T09:30:00Z} (or with a space, without seconds, with a fraction, with an offset, or without a
 * zone, meaning UTC) for a {@code TIMESTAMP}. Values are milliseconds since the epoch, UTC. The common fixed layouts
 * are read digit by digit without allocating; anything else goes through {@link DateTimeFormatter}.
 *
 * <p>Thread-safety: stateless.
 */
final class TemporalText {
    /** Returned by the parsers for text that is not of their kind. */
    static final long NOT_TEMPORAL = Long.MIN_VALUE;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private TemporalText() {
    }

    /** The date {@code YYYY-MM-DD} as milliseconds at midnight UTC, or {@link #NOT_TEMPORAL}. */
    static long parseDate(char[] c, int off, int len) {
        while (len > 0 && c[off] == ' ') {
            off++;
            len--;
        }
        while (len > 0 && c[off + len - 1] == ' ') {
            len--;
        }
        if (len != 10 || c[off + 4] != '-' || c[off + 7] != '-') {
            return NOT_TEMPORAL;
        }
        int y = digits(c, off, 4);
        int m = digits(c, off + 5, 2);
        int d = digits(c, off + 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
            return NOT_TEMPORAL;
        }
        try {
            return LocalDate.of(y, m, d).toEpochDay() * MILLIS_PER_DAY;
        } catch (DateTimeException e) {
            return NOT_TEMPORAL; // 2021-02-30
        }
    }

    /**
     * An ISO date-time (a bare date is midnight) as milliseconds since the epoch, UTC unless the text has an offset;
     * {@link #NOT_TEMPORAL} if it is not one.
     */
    static long parseTimestamp(char[] c, int off, int len) {
        long date = parseDate(c, off, Math.min(len, 10));
        if (date == NOT_TEMPORAL) {
            return NOT_TEMPORAL;
        }
        while (len > 0 && c[off + len - 1] == ' ') {
            len--;
        }
        if (len == 10) {
            return date;
        }
        // fast path: YYYY-MM-DDTHH:MM:SS with an optional Z
        if ((len == 19 || len == 20 && (c[off + 19] == 'Z' || c[off + 19] == 'z'))
                && (c[off + 10] == 'T' || c[off + 10] == ' ') && c[off + 13] == ':' && c[off + 16] == ':') {
            int h = digits(c, off + 11, 2);
            int mi = digits(c, off + 14, 2);
            int s = digits(c, off + 17, 2);
            if (h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60) {
                return date + ((h * 60L + mi) * 60 + s) * 1000;
            }
            return NOT_TEMPORAL;
        }
        try {
            var parsed = DATE_TIME.parse(new String(c, off, len));
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return OffsetDateTime.of(local, offset).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return NOT_TEMPORAL;
        }
    }

    private static int digits(char[] c, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = c[off + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Appends a date ({@code YYYY-MM-DD}) of milliseconds since the epoch, without allocating. */
    static void appendDate(StringBuilder out, long millis) {
        long z = Math.floorDiv(millis, MILLIS_PER_DAY) + 719_468; // days since 0000-03-01 (H. Hinnant's algorithm)
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        if (y < 0 || y > 9999) {
            out.append(LocalDate.ofEpochDay(Math.floorDiv(millis, MILLIS_PER_DAY)));
            return;
        }
        pad(out, (int) y, 4).append('-');
        pad(out, m, 2).append('-');
        pad(out, d, 2);
    }

    /** Appends an ISO instant ({@code 2020-01-31T09:30:00Z}, with milliseconds when there are some). */
    static void appendTimestamp(StringBuilder out, long millis) {
        appendDate(out, millis);
        long ms = Math.floorMod(millis, MILLIS_PER_DAY);
        out.append('T');
        pad(out, (int) (ms / 3_600_000), 2).append(':');
        pad(out, (int) (ms / 60_000 % 60), 2).append(':');
        pad(out, (int) (ms / 1000 % 60), 2);
        if (ms % 1000 != 0) {
            out.append('.');
            pad(out, (int) (ms % 1000), 3);
        }
        out.append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int v, int width) {
        for (int p = width - 1, scale = pow10(p); p >= 0; p--, scale /= 10) {
            out.append((char) ('0' + v / scale % 10));
        }
        return out;
    }

    private static int pow10(int p) {
        int r = 1;
        for (int i = 0; i < p; i++) {
            r *= 10;
        }
        return r;
    }
}
