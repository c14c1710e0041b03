package dev.quiver.features;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A content hash of the code that computes features, for cache keys: the SHA-256 of each class's code source (every
 * byte of a jar, or every {@code .class} file of a classes directory, in path order), so that a changed kernel, a
 * rebuilt sdk-features or a replaced plugin jar gives another key and the cache misses instead of serving results of
 * other code. The same bytes elsewhere (a copy, a touched file) hash alike. Each location is hashed once per process
 * and again only when its size or modification times change; classes without a code source (the JDK, generated
 * classes) contribute their class name only.
 *
 * <p>Thread-safety: thread-safe; the memo is a concurrent map.
 */
final class CodeHash {
    /** What a location's hash was computed for, and the hash. */
    private record Memo(String signature, String hash) {
    }

    private static final Map<Path, Memo> MEMO = new ConcurrentHashMap<>();

    private CodeHash() {
    }

    /** One hash of the code of all these classes (order and repetition do not matter). */
    static String of(Collection<Class<?>> classes) {
        Map<String, String> parts = new TreeMap<>();
        for (Class<?> c : classes) {
            Path location = location(c);
            if (location == null) {
                parts.put("class:" + c.getName(), "");
            } else {
                parts.put(location.toString(), hash(location));
            }
        }
        MessageDigest digest = sha256();
        for (String hash : parts.values()) {
            digest.update(hash.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
        }
        for (String key : parts.keySet()) {
            if (key.startsWith("class:")) {
                digest.update(key.getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Where a class was loaded from: a jar or a classes directory; {@code null} if it has none. */
    static Path location(Class<?> c) {
        try {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.exists(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The content hash of a jar or a classes directory, memoised by its size and modification times. */
    static String hash(Path location) {
        try {
            String signature = signature(location);
            Memo memo = MEMO.get(location);
            if (memo != null && memo.signature().equals(signature)) {
                return memo.hash();
            }
            String hash = Files.isDirectory(location) ? hashDirectory(location) : hashFile(location);
            MEMO.put(location, new Memo(signature, hash));
            return hash;
        } catch (IOException e) {
            // unreadable code: a hash nobody else has, so nothing cached under it is ever served again
            return "unreadable:" + location + ":" + System.nanoTime();
        }
    }

    private static String signature(Path location) throws IOException {
        if (!Files.isDirectory(location)) {
            return Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
        }
        long count = 0;
        long bytes = 0;
        long newest = 0;
        for (Path f : classFiles(location)) {
            count++;
            bytes += Files.size(f);
            newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
        }
        return count + ":" + bytes + ":" + newest;
    }

    private static List<Path> classFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    private static String hashFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String hashDirectory(Path dir) throws IOException {
        MessageDigest digest = sha256();
        for (Path f : classFiles(dir)) {
            digest.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
