package dev.quiver.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aPasswordComesFromTheOptionThenTheFileThenTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "from-file\nignored\n");
        StoreSettings s = StoreSettings.of("heavydb://admin@localhost:6274/heavyai");
        assertThat(s.password(v -> v.equals(StoreSettings.PASSWORD_ENV) ? "from-env" : null)).contains("from-env");
        assertThat(s.password(v -> null)).isEmpty();
        assertThat(s.with("passwordEnv", "MY_PW").password(v -> v.equals("MY_PW") ? "mine" : null)).contains("mine");
        assertThat(s.with("passwordFile", file.toString()).password(v -> "from-env")).contains("from-file");
        assertThat(s.with("passwordFile", file.toString()).with("password", "direct").password(v -> "env"))
                .contains("direct");
        assertThatThrownBy(() -> s.with("passwordFile", dir.resolve("missing").toString()).password(v -> null))
                .isInstanceOf(StoreException.class).hasMessageContaining("password file");
    }

    @Test
    void aPasswordInTheLocationIsRefusedWithoutBeingShown() {
        assertThatThrownBy(() -> StoreSettings.of("heavydb://admin:HyperInteractive@db:6274/heavyai"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("heavydb://admin:***@db:6274/heavyai")
                .hasMessageNotContaining("HyperInteractive");
        assertThat(StoreSettings.redacted("heavydb://u:p@h/db")).isEqualTo("heavydb://u:***@h/db");
    }

    @Test
    void printedSettingsMaskSecrets() {
        StoreSettings s = new StoreSettings("heavydb://admin@db/heavyai",
                Map.of("password", "s3cret", "apiToken", "t0k", "passwordFile", "/run/pw", "timeout", "30"));
        assertThat(s.toString()).doesNotContain("s3cret").doesNotContain("t0k").contains("/run/pw")
                .contains("timeout=30");
    }

    @Test
    void locationsNeedASchemeAndMayHoldSpaces() {
        assertThat(StoreSettings.of("duckdb:my prices.db").uri().getScheme()).isEqualTo("duckdb");
        assertThat(StoreSettings.of("duckdb::memory:").uri().getSchemeSpecificPart()).isEqualTo(":memory:");
        assertThatThrownBy(() -> StoreSettings.of("prices.db")).isInstanceOf(StoreException.class)
                .hasMessageContaining("no scheme").hasMessageContaining("duckdb:FILE");
    }

    @Test
    void aLocationNoProviderOpensIsAClearError() {
        assertThatThrownBy(() -> Stores.open("nosuch://x")).isInstanceOf(StoreException.class)
                .hasMessageContaining("no store provider opens nosuch://x");
    }
}
