package dev.quiver.api.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where and how to connect to a store: a location ({@code duckdb:prices.db}, {@code duckdb::memory:},
 * {@code heavydb://admin@localhost:6274/heavyai}) and properties (options and credentials).
 *
 * <h2>Credentials</h2>
 * A password is never taken from the location (a password written there is refused, since URLs end up in logs and
 * shell histories). {@link #password} looks, in order, at the property {@code password}, the file named by the
 * property {@code passwordFile} (its first line), and the environment variable named by the property
 * {@code passwordEnv} (default {@value #PASSWORD_ENV}). {@link #toString()} and {@link #redacted} never show a
 * secret.
 *
 * <p>Thread-safety: immutable.
 *
 * @param location a location the provider understands
 * @param properties options and credentials
 */
public record StoreSettings(String location, Map<String, String> properties) {
    /** The environment variable a password is read from unless {@code passwordEnv} names another. */
    public static final String PASSWORD_ENV = "QUIVER_STORE_PASSWORD";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token).*");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    /**
     * @throws NullPointerException if an argument is null
     * @throws StoreException if the location holds a password
     */
    public StoreSettings {
        Objects.requireNonNull(location, "location");
        properties = Map.copyOf(properties);
        String userInfo = uri(location).getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new StoreException("the store location " + redacted(location) + " holds a password; give it "
                    + "through the password option, a password file or $" + PASSWORD_ENV + " instead");
        }
    }

    /** Settings with a location and no properties. */
    public static StoreSettings of(String location) {
        return new StoreSettings(location, Map.of());
    }

    /** These settings with a property added. */
    public StoreSettings with(String key, String value) {
        Map<String, String> m = new TreeMap<>(properties);
        m.put(key, value);
        return new StoreSettings(location, m);
    }

    /** The location as a URI (characters a URI does not allow, such as spaces in a path, quoted). */
    public URI uri() {
        return uri(location);
    }

    /** A property's value. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** The password, from the environment of this process; see the class description. */
    public Optional<String> password() {
        return password(System::getenv);
    }

    /**
     * The password: the {@code password} property, else the first line of the {@code passwordFile}, else the
     * environment variable {@code passwordEnv} names (default {@value #PASSWORD_ENV}).
     *
     * @param environment looks environment variables up
     * @throws StoreException if the password file cannot be read
     */
    public Optional<String> password(UnaryOperator<String> environment) {
        String direct = properties.get("password");
        if (direct != null) {
            return Optional.of(direct);
        }
        String file = properties.get("passwordFile");
        if (file != null) {
            try {
                String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                return Optional.of((end < 0 ? text : text.substring(0, end)).strip());
            } catch (IOException | RuntimeException e) {
                throw new StoreException("cannot read the password file " + file + " (" + e.getMessage() + ")");
            }
        }
        String variable = properties.getOrDefault("passwordEnv", PASSWORD_ENV);
        return Optional.ofNullable(environment.apply(variable));
    }

    /** The location with any credentials masked, for messages. */
    public String redacted() {
        return redacted(location);
    }

    /** A location with the user information's password (if any) masked. */
    public static String redacted(String location) {
        return location.replaceAll("(//[^/@:]*):[^/@]*@", "$1:***@");
    }

    /**
     * The URI of a location; a scheme-relative text such as {@code duckdb:my prices.db} is quoted rather than
     * refused.
     *
     * @throws StoreException if the location has no scheme
     */
    static URI uri(String location) {
        int colon = location.indexOf(':');
        if (colon <= 0 || !SCHEME.matcher(location.substring(0, colon)).matches()) {
            throw new StoreException("the store location '" + redacted(location) + "' has no scheme; use for example "
                    + "duckdb:FILE, duckdb::memory: or heavydb://user@host:6274/database");
        }
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            try {
                return new URI(location.substring(0, colon), location.substring(colon + 1), null);
            } catch (URISyntaxException again) {
                throw new StoreException("the store location '" + redacted(location) + "' is not a URL ("
                        + again.getReason() + ")");
            }
        }
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((k, v) -> shown.put(k, SECRET_KEY.matcher(k).matches()
                && !k.toLowerCase(Locale.ROOT).endsWith("file") && !k.toLowerCase(Locale.ROOT).endsWith("env")
                ? "***" : v));
        return "StoreSettings[" + redacted() + ", " + shown + "]";
    }
}
