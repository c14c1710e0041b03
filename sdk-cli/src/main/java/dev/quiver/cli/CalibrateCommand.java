package dev.quiver.cli;

import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.features.KernelCosts;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver calibrate}: times the kernels of every operator that more than one feature provider computes (the
 * scalar and vector ones, plugins' too) and writes their costs to the kernel cost file, which every later process
 * reads to give each operator its fastest provider ({@link KernelCosts}).
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Time the kernels of operators that several feature providers compute, and remember the "
                + "fastest for each (the kernel cost file).")
final class CalibrateCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE",
            description = "The cost file (default: -Dquiver.features.costs.file, else "
                    + "~/.cache/quiver/kernel-costs.properties).")
    private Path file;

    @Option(names = "--warm-up", paramLabel = "MS", defaultValue = "500",
            description = "How long each kernel runs before it is timed, in milliseconds (default: ${DEFAULT-VALUE}).")
    private long warmUpMillis;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (warmUpMillis < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--warm-up must not be negative: " + warmUpMillis);
        }
        Path target = file != null ? file : KernelCosts.defaultFile().orElse(null);
        if (target == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "-D" + KernelCosts.FILE_PROPERTY + "=none: there is no cost file to write; give --file");
        }
        List<FeatureKernelProvider> providers = ProviderDiscovery.load("features", FeatureKernelProvider.class)
                .available();
        PrintStream console = System.err;
        ProgressBar[] bar = new ProgressBar[1];
        List<KernelCosts.Choice> choices;
        try {
            choices = KernelCosts.persistent(target).calibrate(providers, Duration.ofMillis(warmUpMillis),
                    (done, total, next) -> {
                        if (bar[0] == null) {
                            bar[0] = new ProgressBarBuilder().setTaskName("calibrate").setInitialMax(total)
                                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                                    .setConsumer(new ConsoleProgressBarConsumer(console, 100)).build();
                        }
                        bar[0].stepTo(done);
                        bar[0].setExtraMessage(next);
                    });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        if (choices.isEmpty()) {
            out.println("no operator is computed by more than one available feature provider: nothing to calibrate");
            return;
        }
        for (KernelCosts.Choice c : choices) {
            out.println(c.describe());
        }
        out.println("costs written to " + target.toAbsolutePath());
    }
}
