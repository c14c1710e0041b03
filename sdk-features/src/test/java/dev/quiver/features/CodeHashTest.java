package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.provider.ProviderDiscovery;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cache keys follow the code: the example plugin (examples/plugin-indicator) is compiled here into a jar, its
 * {@code efi} kernel planned and fingerprinted; the same plugin rebuilt with one constant changed gives another
 * fingerprint (the cache would miss), a byte-for-byte copy of the first jar elsewhere gives the same one.
 */
class CodeHashTest {
    private static final Path PROJECT = Path.of(System.getProperty("quiver.project.dir", ".."));
    private static final Path PLUGIN = PROJECT.resolve("examples/plugin-indicator/src/main");

    @TempDir
    Path tmp;

    /** Compiles the example plugin (with a replacement in ForceIndex's source) into a jar. */
    private Path pluginJar(String name, String find, String replace) throws IOException {
        Path src = tmp.resolve(name + "-src/com/example/quiver");
        Files.createDirectories(src);
        Path classes = Files.createDirectories(tmp.resolve(name + "-classes"));
        List<String> files = new ArrayList<>();
        try (Stream<Path> sources = Files.list(PLUGIN.resolve("java/com/example/quiver"))) {
            for (Path s : sources.toList()) {
                String text = Files.readString(s);
                if (s.getFileName().toString().equals("ForceIndex.java")) {
                    assertThat(text).contains(find);
                    text = text.replace(find, replace);
                }
                Path copy = src.resolve(s.getFileName());
                Files.writeString(copy, text);
                files.add(copy.toString());
            }
        }
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
        args.addAll(files);
        assertThat(javac.run(System.out, System.err, args.toArray(String[]::new))).isZero();
        Path jar = tmp.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            String service = "META-INF/services/" + FeatureKernelProvider.class.getName();
            out.putNextEntry(new JarEntry(service));
            out.write(Files.readAllBytes(PLUGIN.resolve("resources").resolve(service)));
            try (Stream<Path> built = Files.walk(classes)) {
                for (Path c : built.filter(Files::isRegularFile).sorted().toList()) {
                    JarEntry e = new JarEntry(classes.relativize(c).toString().replace('\\', '/'));
                    e.setTime(0); // the same sources give the same bytes
                    out.putNextEntry(e);
                    out.write(Files.readAllBytes(c));
                }
            }
        }
        return jar;
    }

    private static Fingerprint fingerprint(Path jar) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                CodeHashTest.class.getClassLoader())) {
            FeatureEngine engine = FeatureEngine.of(ProviderDiscovery.builder("features", FeatureKernelProvider.class)
                    .classLoader(loader).log(line -> { }).build());
            FeaturePlan plan = engine.plan(List.of("efi(13)", "sma(20)"));
            return plan.fingerprint(Fingerprint.builder().value("prices", "the same input").build());
        }
    }

    @Test
    void aChangedKernelGivesAnotherKeyAndTheSameBytesTheSameKey() throws IOException {
        Path original = pluginJar("original", "DEFAULT_N = 13", "DEFAULT_N = 13");
        // a change of code only (an error message), invisible in the plan itself
        Path changed = pluginJar("changed", "\" input and \"", "\" input(s) and \"");
        Path copy = Files.copy(original, Files.createDirectories(tmp.resolve("elsewhere")).resolve("copy.jar"));
        Files.setLastModifiedTime(copy, FileTime.fromMillis(0));

        Fingerprint a = fingerprint(original);
        assertThat(fingerprint(original)).as("stable").isEqualTo(a);
        assertThat(fingerprint(changed)).as("changed kernel code").isNotEqualTo(a);
        assertThat(fingerprint(copy)).as("the same bytes elsewhere").isEqualTo(a);

        // rewriting the jar in place (new bytes, the same path) changes the key too
        try (OutputStream out = Files.newOutputStream(original)) {
            out.write(Files.readAllBytes(changed));
        }
        Files.setLastModifiedTime(original, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(fingerprint(original)).isEqualTo(fingerprint(changed)).isNotEqualTo(a);
    }

    @Test
    void classesDirectoriesAreHashedByTheirClassFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("classes/a"));
        Files.write(dir.resolve("A.class"), new byte[] {1, 2, 3});
        String first = CodeHash.hash(tmp.resolve("classes"));
        Files.write(dir.resolve("A.class"), new byte[] {1, 2, 4});
        Files.setLastModifiedTime(dir.resolve("A.class"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(CodeHash.hash(tmp.resolve("classes"))).isNotEqualTo(first);
        assertThat(CodeHash.location(String.class)).isNull(); // the JDK has no code source
    }
}
