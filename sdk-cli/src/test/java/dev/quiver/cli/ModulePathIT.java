package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application booted on the module path, as an embedding application would run it
 * ({@code java --module-path ... -m dev.quiver.cli}, docs/build.md "The module path"): every Quiver module a named
 * module, found providers by service binding, Parquet and DuckDB working, no JVM warning beyond the incubator line
 * (so the module-path flags are complete), and the example plugin found from a jar on the module path and on the
 * class path.
 */
class ModulePathIT {
    private static final Path APP = Path.of(System.getProperty("quiver.app.dir", "target")).toAbsolutePath();
    private static final Path DATA = Path.of(System.getProperty("quiver.data.dir", "../data"), "market")
            .toAbsolutePath();
    private static final Path PLUGIN = Path.of(System.getProperty("quiver.plugin.jar", "")).toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * The jars that stay on the class path (docs/build.md): parquet-java's, which split packages between them, and
     * the libraries only they use, which no module requires.
     */
    private static final List<String> CLASS_PATH_ONLY = List.of("parquet-", "hadoop-client-api-", "jts-core-",
            "javax.annotation-api-");

    private static String modulePath;
    private static String classPath;
    private static List<String> flags;

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
        /** stderr without the JVM's "Using incubator modules" line, which no flag switches off. */
        String warnings() {
            return err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).filter(l -> l.contains(
                    "WARNING")).reduce("", (a, b) -> a + b + "\n");
        }
    }

    @BeforeAll
    static void layout() throws IOException {
        assertThat(APP.resolve("quiver.jar")).as("the packaged application").isRegularFile();
        assertThat(PLUGIN).as("the example plugin's jar").isRegularFile();
        List<String> modules = new ArrayList<>(List.of(APP.resolve("quiver.jar").toString()));
        List<String> classes = new ArrayList<>();
        try (Stream<Path> jars = Files.list(APP.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                (CLASS_PATH_ONLY.stream().anyMatch(name::startsWith) ? classes : modules).add(jar.toString());
            }
        }
        assertThat(classes).as("parquet-java's jars").hasSizeGreaterThanOrEqualTo(5);
        modulePath = String.join(java.io.File.pathSeparator, modules);
        classPath = String.join(java.io.File.pathSeparator, classes);
        flags = Arrays.asList(Files.readString(APP.resolve("quiver-module.jvmopts")).strip().split("\\s+"));
        assertThat(flags).anyMatch(f -> f.startsWith("--enable-native-access="));
    }

    private static Run java(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        // stderr is small; read it after stdout
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), out, err);
    }

    /** The application on the module path, with extra module-path and class-path entries (may be empty). */
    private static Run onModulePath(String extraModules, String extraClasses, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(flags);
        command.addAll(List.of("--module-path", extraModules.isEmpty() ? modulePath
                : modulePath + java.io.File.pathSeparator + extraModules));
        command.addAll(List.of("--class-path", extraClasses.isEmpty() ? classPath
                : classPath + java.io.File.pathSeparator + extraClasses));
        command.addAll(List.of("-m", "dev.quiver.cli/dev.quiver.cli.QuiverCommand"));
        command.addAll(List.of(args));
        Run run = java(command);
        assertThat(run.status()).as("quiver %s\n%s", String.join(" ", args), run.err()).isZero();
        assertThat(run.warnings()).as("JVM warnings: a module-path flag is missing").isEmpty();
        return run;
    }

    @Test
    void bootsAsNamedModulesAndFindsEveryProvider() throws Exception {
        Run version = onModulePath("", "", "--version");
        // from the module descriptor: on the module path the package has no manifest version
        assertThat(version.out()).startsWith("quiver 0.");

        Run providers = onModulePath("", "", "providers");
        assertThat(providers.out()).contains("arrow ", "vector ", "scalar ", "event ", "duckdb ", "heavydb ", "cpu ",
                "cuda ");

        List<String> resolution = new ArrayList<>(List.of(JAVA, "--show-module-resolution"));
        resolution.addAll(flags);
        resolution.addAll(List.of("--module-path", modulePath, "--class-path", classPath, "-m",
                "dev.quiver.cli/dev.quiver.cli.QuiverCommand", "--version"));
        String graph = java(resolution).out();
        assertThat(graph).contains("root dev.quiver.cli ");
        for (String module : List.of("dev.quiver.api", "dev.quiver.io", "dev.quiver.io.parquet", "dev.quiver.duckdb",
                "dev.quiver.heavydb", "dev.quiver.cache", "dev.quiver.features", "dev.quiver.gpu.cuda",
                "dev.quiver.backtest", "dev.quiver.portfolio", "dev.quiver.report")) {
            assertThat(graph).as(module).containsPattern("\\s" + module.replace(".", "\\.") + " file:");
        }
    }

    @Test
    void everyQuiverJarIsAnExplicitModule() {
        List<String> automatic = new ArrayList<>();
        List<String> quiver = new ArrayList<>();
        for (ModuleReference m : ModuleFinder.of(Stream.of(modulePath.split(java.io.File.pathSeparator))
                .map(Path::of).toArray(Path[]::new)).findAll()) {
            if (m.descriptor().name().startsWith("dev.quiver")) {
                quiver.add(m.descriptor().name());
                if (m.descriptor().isAutomatic()) {
                    automatic.add(m.descriptor().name());
                }
            }
        }
        assertThat(quiver).hasSizeGreaterThanOrEqualTo(12);
        // sdk-spark alone stays automatic (Automatic-Module-Name dev.quiver.spark): Spark's jars are not modules
        // (split packages), so it cannot require them; docs/spark.md
        assertThat(automatic).as("Quiver jars without a module-info").containsExactly("dev.quiver.spark");
    }

    @Test
    void computesFeaturesThroughParquetAndDuckDb() throws Exception {
        Path parquet = tmp.resolve("aapl.parquet");
        Run written = onModulePath("", "", "features", "--input", DATA.resolve("aapl_2013_2018.csv").toString(),
                "--features", "sma(5),rsi(14)", "--output", parquet.toString());
        assertThat(written.out()).contains("1260 rows").contains("(parquet)");

        Path csv = tmp.resolve("aapl.csv");
        onModulePath("", "", "features", "--input", parquet.toString(), "--features", "ema(3)", "--output",
                csv.toString());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 1260);
        assertThat(lines.get(0)).endsWith(",sma(5),rsi(14),ema(3)");

        String store = "duckdb:" + tmp.resolve("q.duckdb");
        onModulePath("", "", "store", "load", "--store", store, "--table", "aapl", "--input",
                DATA.resolve("aapl_2013_2018.csv").toString());
        Run query = onModulePath("", "", "store", "query", "--store", store, "--sql", "select count(*) as n from aapl");
        assertThat(query.out()).contains("1260");
    }

    @Test
    void loadsThePluginFromTheModulePathAndFromTheClassPath() throws Exception {
        Path out = tmp.resolve("efi.csv");
        Run asModule = onModulePath(PLUGIN.toString(), "", "features", "--input",
                DATA.resolve("aapl_2013_2018.csv").toString(), "--features", "efi(13)", "--output", out.toString());
        assertThat(asModule.out()).contains("1260 rows");
        assertThat(Files.readAllLines(out).get(0)).endsWith(",efi(13)");

        // the application on the module path, the plugin on the class path (an unnamed module's META-INF/services)
        Run onClassPath = onModulePath("", PLUGIN.toString(), "providers");
        assertThat(onClassPath.out()).contains("example plugin: Elder's force index");

        // everything on the class path, as the ./quiver launcher runs it
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(Arrays.asList(Files.readString(APP.resolve("quiver.jvmopts")).strip().split("\\s+")));
        command.addAll(List.of("-cp", APP.resolve("quiver.jar") + java.io.File.pathSeparator + APP.resolve("lib")
                + "/*" + java.io.File.pathSeparator + PLUGIN, "dev.quiver.cli.QuiverCommand", "providers"));
        Run classPathOnly = java(command);
        assertThat(classPathOnly.status()).as(classPathOnly.err()).isZero();
        assertThat(classPathOnly.out()).contains("example plugin: Elder's force index");
    }
}
