package dev.quiver.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanRequestTest {
    @Test
    void aRequestIsBuiltStepByStep() {
        ScanRequest r = ScanRequest.of("prices").columns("date", "close")
                .where(Predicate.and(Predicate.eq("symbol", "AAPL"), Predicate.ge("date", LocalDate.of(2015, 1, 1))))
                .orderBy(Order.asc("date")).limit(10).batchRows(1000);
        assertThat(r.columns()).containsExactly("date", "close");
        assertThat(r.where()).containsInstanceOf(Predicate.And.class);
        assertThat(r.orderBy()).containsExactly(new Order("date", true));
        assertThat(r.limit()).isEqualTo(10);
        assertThat(ScanRequest.of("prices").where()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> r.limit(-2)).hasMessageContaining("negative");
        assertThatThrownBy(() -> r.batchRows(0)).hasMessageContaining("not positive");
    }

    @Test
    void predicatesRefuseWhatSqlWouldGetWrong() {
        assertThatThrownBy(() -> Predicate.eq("close", null)).hasMessageContaining("isNull");
        assertThatThrownBy(() -> Predicate.eq("close", Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Predicate.eq("close", BigDecimal.ONE)).hasMessageContaining("BigDecimal");
        assertThatThrownBy(() -> Predicate.in("close")).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Predicate.and()).hasMessageContaining("at least one term");
        assertThatThrownBy(() -> Predicate.eq("close\"; --", 1.0)).isInstanceOf(StoreException.class);
    }
}
