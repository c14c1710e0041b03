package dev.quiver.api.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Quiver's timestamp convention: {@code INT64} milliseconds since 1970-01-01T00:00:00Z. A daily bar's timestamp is
 * midnight UTC of its date.
 *
 * <p>Thread-safety: stateless.
 */
public final class Timestamps {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Timestamps() {
    }

    /** Midnight UTC of a date. */
    public static long ofDate(LocalDate date) {
        return date.toEpochDay() * MILLIS_PER_DAY;
    }

    /** The UTC date of a timestamp. */
    public static LocalDate toDate(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, MILLIS_PER_DAY));
    }

    /**
     * Parses {@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH:MM[:SS]} (UTC) or an ISO instant ({@code ...Z}).
     *
     * @throws DateTimeParseException if the text is none of these
     */
    public static long parse(CharSequence text) {
        String s = text.toString().trim();
        if (s.length() == 10) {
            return ofDate(LocalDate.parse(s));
        }
        if (s.endsWith("Z")) {
            return Instant.parse(s).toEpochMilli();
        }
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** A date ({@code YYYY-MM-DD}) if the timestamp is midnight UTC, otherwise an ISO instant. */
    public static String format(long millis) {
        if (millis == Int64Column.MISSING) {
            return "";
        }
        if (Math.floorMod(millis, MILLIS_PER_DAY) == 0) {
            return toDate(millis).toString();
        }
        return Instant.ofEpochMilli(millis).toString();
    }
}
