package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conventions every module keeps, checked over the whole source tree: documented public types that state their
 * thread-safety, an SPI module free of third-party dependencies, and providers registered both ways.
 */
class ProjectConventionsTest {
    private static final Path ROOT = Path.of(System.getProperty("quiver.project.dir", "..")).toAbsolutePath();
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) (\\w+)",
            Pattern.MULTILINE);
    private static final Pattern PROVIDES = Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([\\w.,\\s]+);");

    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path m : modules.filter(p -> p.getFileName().toString().startsWith("sdk-")).sorted().toList()) {
                Path src = m.resolve("src/main/java");
                if (Files.isDirectory(src)) {
                    try (Stream<Path> files = Files.walk(src)) {
                        files.filter(f -> f.toString().endsWith(".java"))
                                .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                                .filter(f -> !f.getFileName().toString().equals("module-info.java"))
                                .filter(f -> !generated(f))
                                .forEach(sources::add);
                    }
                }
            }
        }
        return sources;
    }

    /**
     * Whether a source was written by a code generator (the Thrift client of sdk-heavydb): its header carries the
     * {@code @generated} tag, and its package's package-info documents it instead.
     */
    private static boolean generated(Path f) {
        try (var in = Files.newBufferedReader(f)) {
            char[] head = new char[400];
            int n = in.read(head);
            return n > 0 && new String(head, 0, n).contains("@generated");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyPublicTypeHasJavadocThatStatesItsThreadSafety() throws IOException {
        List<Path> sources = mainSources();
        assertThat(sources).as("sources under " + ROOT).hasSizeGreaterThan(50);
        List<String> offenders = new ArrayList<>();
        for (Path f : sources) {
            String text = Files.readString(f);
            Matcher m = PUBLIC_TYPE.matcher(text);
            if (!m.find()) {
                continue;
            }
            // only annotations may stand between the Javadoc and the declaration: nothing that ends with ';'
            String head = text.substring(0, m.start());
            int close = head.lastIndexOf("*/");
            String between = close < 0 ? head : head.substring(close + 2).replaceAll("//[^\n]*", "").strip();
            if (close < 0 || !(between.isEmpty() || between.startsWith("@") && !between.contains(";"))) {
                offenders.add(ROOT.relativize(f) + ": no Javadoc on " + m.group(1));
                continue;
            }
            String before = head.substring(0, close + 2);
            String doc = before.substring(before.lastIndexOf("/**"));
            if (!doc.toLowerCase(java.util.Locale.ROOT).contains("thread-safe")
                    && !doc.toLowerCase(java.util.Locale.ROOT).contains("thread-safety")
                    && !doc.toLowerCase(java.util.Locale.ROOT).contains("immutable")) {
                offenders.add(ROOT.relativize(f) + ": the Javadoc of " + m.group(1) + " does not state thread-safety");
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theApiModuleHasNoDependencies() throws IOException {
        String pom = Files.readString(ROOT.resolve("sdk-api/pom.xml"));
        assertThat(pom).doesNotContain("<dependency>");
        String moduleInfo = Files.readString(ROOT.resolve("sdk-api/src/main/java/module-info.java"));
        assertThat(Pattern.compile("requires\\s+(?!java\\.)[\\w.]+").matcher(moduleInfo).find())
                .as("sdk-api's module-info requires only java.* modules").isFalse();
    }

    /**
     * Every module with code is a named module except the two that cannot usefully be (docs/build.md, "The module
     * path"): sdk-spark, since Spark's jars are not modular and Spark loads user code from the class path, and
     * sdk-bench, a JMH uber-jar.
     */
    @Test
    void everyModuleWithCodeHasAModuleInfo() throws IOException {
        Set<String> classPathOnly = Set.of("sdk-spark", "sdk-bench");
        List<String> missing = new ArrayList<>();
        List<Path> modules;
        try (Stream<Path> list = Files.list(ROOT)) {
            modules = new ArrayList<>(list.filter(p -> p.getFileName().toString().startsWith("sdk-")).toList());
        }
        modules.add(ROOT.resolve("examples/plugin-indicator"));
        for (Path m : modules) {
            if (Files.isDirectory(m.resolve("src/main/java")) && !classPathOnly.contains(m.getFileName().toString())
                    && !Files.exists(m.resolve("src/main/java/module-info.java"))) {
                missing.add(ROOT.relativize(m).toString());
            }
        }
        assertThat(modules).hasSizeGreaterThan(15);
        assertThat(missing).as("modules without a module-info.java").isEmpty();
    }

    @Test
    void providersAreRegisteredInModuleInfoAndInMetaInfServices() throws IOException {
        int checked = 0;
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path m : modules.filter(p -> p.getFileName().toString().startsWith("sdk-")).toList()) {
                Path moduleInfo = m.resolve("src/main/java/module-info.java");
                Set<String> declared = new TreeSet<>();
                if (Files.exists(moduleInfo)) {
                    Matcher pm = PROVIDES.matcher(Files.readString(moduleInfo));
                    while (pm.find()) {
                        for (String impl : pm.group(2).split(",")) {
                            declared.add(pm.group(1) + "=" + impl.trim());
                        }
                    }
                }
                Set<String> registered = new TreeSet<>();
                Path services = m.resolve("src/main/resources/META-INF/services");
                if (Files.isDirectory(services)) {
                    try (Stream<Path> files = Files.list(services)) {
                        for (Path s : files.toList()) {
                            for (String line : Files.readAllLines(s)) {
                                String impl = line.replaceAll("#.*", "").trim();
                                if (!impl.isEmpty()) {
                                    registered.add(s.getFileName() + "=" + impl);
                                }
                            }
                        }
                    }
                }
                if (!Files.exists(moduleInfo)) {
                    // a class-path-only module (see everyModuleWithCodeHasAModuleInfo) registers through
                    // META-INF/services alone
                    continue;
                }
                assertThat(registered).as(m.getFileName() + ": META-INF/services vs module-info provides")
                        .isEqualTo(declared);
                checked += declared.size();
            }
        }
        assertThat(checked).as("providers found").isGreaterThanOrEqualTo(2);
    }
}
