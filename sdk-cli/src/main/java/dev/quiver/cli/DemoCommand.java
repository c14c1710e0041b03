package dev.quiver.cli;

import com.google.inject.Injector;
import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.cli.demo.Demo;
import dev.quiver.features.FeatureEngine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver demo}: the end-to-end job on the bundled data.
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Load the bundled prices (AAPL, MSFT, S&P 500), cache them as Arrow, compute indicators,",
                "print a summary with timings and write the outputs. A second run is served from the cache."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory of the bundled price files (default: data/market of the Quiver checkout).")
    private Path data;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Directory for the outputs (default: quiver-out/demo of the Quiver checkout).")
    private Path output;

    @Mixin
    private CacheOptions cacheOptions;

    @Override
    public Integer call() {
        Path home = Path.of(System.getProperty("quiver.home", "."));
        Path dataDir = data != null ? data : home.resolve("data/market");
        Path outputDir = output != null ? output : home.resolve("quiver-out/demo");
        if (java.nio.file.Files.isDirectory(dataDir)) { // else the demo says which data file is missing
            dev.quiver.cli.io.OutputPaths.checkDirectory(outputDir, java.util.List.of(dataDir), "--output");
        }
        CacheSettings settings = cacheOptions.settings();
        Injector injector = QuiverApplication.injector(settings);
        try (Cache cache = injector.getInstance(Cache.class)) {
            new Demo(cache, injector.getInstance(FeatureEngine.class))
                    .run(dataDir.normalize(), outputDir.normalize(), spec.commandLine().getOut());
        }
        return 0;
    }
}
