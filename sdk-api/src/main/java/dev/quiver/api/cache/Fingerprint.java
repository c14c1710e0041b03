package dev.quiver.api.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 digest of everything a cached table was computed from: source files, the feature specification, the
 * version of the code that computed it, and any other named values. When any of them changes the fingerprint
 * changes, so the cache misses instead of returning stale data, and nobody has to clear it by hand.
 *
 * <pre>{@code
 * Fingerprint fp = Fingerprint.builder()
 *         .file(Path.of("prices.csv"))        // size + modification time
 *         .spec("sma(20),rsi(14)")
 *         .codeVersion("quiver-features 0.1.0")
 *         .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable. The builder is not thread-safe.
 *
 * @param hex the digest as 64 lower-case hex digits
 */
public record Fingerprint(String hex) {

    /** @throws IllegalArgumentException if {@code hex} is not 64 lower-case hex digits */
    public Fingerprint {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits, not '" + hex + "'");
        }
    }

    /** A builder that digests its parts in the order they are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The first {@code n} hex digits, for file names and messages. */
    public String prefix(int n) {
        return hex.substring(0, n);
    }

    @Override
    public String toString() {
        return hex;
    }

    /**
     * Accumulates the parts of a fingerprint. Each part is framed with its kind and length, so different parts never
     * digest alike.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private final MessageDigest digest;

        private Builder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        /**
         * Adds a source file by its absolute path, size and last-modification time: cheap, and changes whenever the
         * file is rewritten.
         *
         * @throws UncheckedIOException naming the file if it cannot be read
         */
        public Builder file(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return part("file", file.toAbsolutePath().normalize() + "|" + a.size() + "|"
                        + a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fingerprint " + file + ": " + e.getMessage(), e);
            }
        }

        /**
         * Adds a source file by its contents (SHA-256 of every byte): slower, but blind to touches and copies.
         *
         * @throws UncheckedIOException naming the file if it cannot be read
         */
        public Builder fileContents(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest content = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    content.update(buf, 0, n);
                }
                return part("contents", HexFormat.of().formatHex(content.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fingerprint " + file + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Adds the specification of the computation (e.g. a canonical feature-set text). */
        public Builder spec(String spec) {
            return part("spec", spec);
        }

        /** Adds the version of the code that computes the entry; bump it when results change. */
        public Builder codeVersion(String version) {
            return part("code", version);
        }

        /** Adds any other named value the entry depends on. */
        public Builder value(String name, String value) {
            // two framed parts: joined as "name=value", ("a=b", "c") and ("a", "b=c") would digest alike
            part("name", name);
            return part("value", value);
        }

        private Builder part(String kind, String text) {
            byte[] k = kind.getBytes(StandardCharsets.UTF_8);
            byte[] t = Objects.requireNonNull(text, kind).getBytes(StandardCharsets.UTF_8);
            digest.update(k);
            digest.update((byte) 0);
            digest.update(Integer.toString(t.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            digest.update(t);
            return this;
        }

        /** The fingerprint of the parts added so far. */
        public Fingerprint build() {
            // digest() resets the digest: finish a copy so that the builder still holds its parts
            MessageDigest finished;
            try {
                finished = (MessageDigest) digest.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digests are cloneable on every Java platform", e);
            }
            return new Fingerprint(HexFormat.of().formatHex(finished.digest()));
        }
    }
}
