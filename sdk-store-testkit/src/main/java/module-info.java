/**
 * The contract kit for {@link dev.quiver.api.store.Store stores}: a JUnit 5 test class every provider's test extends.
 * Depends on sdk-api, JUnit Jupiter's API and AssertJ only.
 */
module dev.quiver.store.testkit {
    requires transitive dev.quiver.api;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;

    exports dev.quiver.store.testkit;
}
