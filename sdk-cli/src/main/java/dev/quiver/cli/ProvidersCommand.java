package dev.quiver.cli;

import dev.quiver.api.backtest.BacktesterProvider;
import dev.quiver.api.cache.CacheProvider;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.PlanExecutor;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.provider.ProviderInfo;
import dev.quiver.api.provider.ProviderNotFoundException;
import dev.quiver.api.provider.QuiverProvider;
import dev.quiver.api.store.StoreProvider;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.KernelCosts;
import dev.quiver.gpu.cuda.CudaRuntime;
import dev.quiver.gpu.cuda.CudaStatus;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code quiver providers}: every provider of every SPI found on the class path, whether it is available here, and
 * which one each SPI would choose.
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "providers", mixinStandardHelpOptions = true,
        description = "List the providers of each SPI, their availability and the one chosen.")
final class ProvidersCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        describe(out, ProviderDiscovery.load("cache", CacheProvider.class));
        describe(out, ProviderDiscovery.load("features", FeatureKernelProvider.class));
        describeKernelCosts(out);
        describe(out, ProviderDiscovery.load("backtest", BacktesterProvider.class));
        describe(out, ProviderDiscovery.load("store", StoreProvider.class));
        describe(out, ProviderDiscovery.load("executors", PlanExecutor.class));
        CudaStatus cuda = CudaRuntime.probe();
        out.println("gpu");
        out.println(cuda.available()
                ? "  CUDA " + cuda.driverVersion() + ": " + String.join("; ", cuda.devices())
                : "  CUDA unavailable: " + cuda.reason()
                + (cuda.howToEnable().isEmpty() ? "" : " (to enable: " + cuda.howToEnable() + ")"));
    }

    /** Which provider computes each operator that several compute, and the measured costs behind it. */
    private static void describeKernelCosts(PrintWriter out) {
        FeatureEngine engine = FeatureEngine.create();
        List<FeatureKernelProvider> available = ProviderDiscovery.load("features", FeatureKernelProvider.class)
                .available();
        List<String> shared = new java.util.ArrayList<>();
        for (OperatorDescriptor d : engine.operators()) {
            if (available.stream().filter(p -> p.supports(d.name())).count() > 1) {
                shared.add(d.name());
            }
        }
        if (shared.isEmpty()) {
            return;
        }
        out.printf("  operators several providers compute (costs from %s; measure with quiver calibrate):%n",
                KernelCosts.defaultFile().map(Object::toString).orElse("nowhere"));
        for (String op : shared) {
            engine.provider(op);
        }
        for (KernelCosts.Choice c : engine.costs().choices()) {
            out.println("    " + c.describe());
        }
    }

    private static void describe(PrintWriter out, ProviderDiscovery<? extends QuiverProvider> discovery) {
        String spi = discovery.spi();
        List<ProviderInfo> all = discovery.describe();
        String chosen;
        try {
            chosen = discovery.select().name();
        } catch (ProviderNotFoundException e) {
            chosen = "none";
        }
        out.printf("%s (choose with -D%s=NAME or %s=NAME)%s%n", spi, ProviderDiscovery.propertyName(spi),
                ProviderDiscovery.environmentVariable(spi),
                discovery.explicitChoice().map(c -> "; chosen explicitly: " + c).orElse(""));
        if (all.isEmpty()) {
            out.println("  (no providers on the class path)");
        }
        for (ProviderInfo p : all) {
            String mark = p.name().equals(chosen) ? "*" : " ";
            String state = p.available() ? "available"
                    : "unavailable: " + p.availability().reason()
                    + (p.availability().howToEnable().isEmpty() ? "" : " (to enable: "
                    + p.availability().howToEnable() + ")");
            out.printf(" %s %-10s priority %4s  %s  [%s]%n", mark, p.name(),
                    p.priority() == Integer.MIN_VALUE ? "-" : Integer.toString(p.priority()), p.description(), state);
        }
    }
}
