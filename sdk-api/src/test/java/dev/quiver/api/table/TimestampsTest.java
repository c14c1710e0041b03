package dev.quiver.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Milliseconds since the epoch, UTC: dates at midnight, instants otherwise. */
class TimestampsTest {

    @Test
    void aDateIsMidnightUtc() {
        long t = Timestamps.ofDate(LocalDate.of(2024, 3, 15));

        assertThat(t).isEqualTo(Instant.parse("2024-03-15T00:00:00Z").toEpochMilli());
        assertThat(Timestamps.toDate(t)).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(Timestamps.toDate(t + 86_399_999)).isEqualTo(LocalDate.of(2024, 3, 15));
        // floor, not truncation, before the epoch
        assertThat(Timestamps.toDate(-1)).isEqualTo(LocalDate.of(1969, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-15", "1969-12-31", "1970-01-01", "2000-02-29"})
    void datesRoundTrip(String date) {
        long t = Timestamps.parse(date);

        assertThat(t).isEqualTo(Timestamps.ofDate(LocalDate.parse(date)));
        assertThat(Timestamps.format(t)).isEqualTo(date);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-15T13:45:30Z", "2024-03-15T13:45:30.250Z", "1969-12-31T23:59:59.999Z",
            "2024-03-15T00:00:00.001Z"})
    void instantsRoundTrip(String instant) {
        long t = Timestamps.parse(instant);

        assertThat(t).isEqualTo(Instant.parse(instant).toEpochMilli());
        assertThat(Timestamps.format(t)).isEqualTo(instant);
    }

    @Test
    void localDateTimesAreReadAsUtc() {
        long expected = Instant.parse("2024-03-15T13:45:00Z").toEpochMilli();

        assertThat(Timestamps.parse("2024-03-15T13:45")).isEqualTo(expected);
        assertThat(Timestamps.parse("2024-03-15 13:45:00")).isEqualTo(expected);
        assertThat(Timestamps.parse("  2024-03-15T13:45  ")).isEqualTo(expected);
    }

    @Test
    void midnightInstantsFormatAsDates() {
        assertThat(Timestamps.format(Timestamps.parse("2024-03-15T00:00:00Z"))).isEqualTo("2024-03-15");
    }

    @Test
    void missingFormatsAsEmpty() {
        assertThat(Timestamps.format(Int64Column.MISSING)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240315", "2024-13-01", "yesterday", "2024-03-15T25:00Z", ""})
    void otherTextIsRejected(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
