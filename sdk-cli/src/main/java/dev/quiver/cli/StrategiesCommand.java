package dev.quiver.cli;

import dev.quiver.api.param.ParamSpec;
import dev.quiver.backtest.strategy.Strategies;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code quiver strategies}: the built-in strategies of {@code quiver backtest}, each with its call at the defaults,
 * its description and one line per parameter (type, default, range), read from the strategy registry.
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the built-in strategies of quiver backtest with their parameters and defaults.")
final class StrategiesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : Strategies.names()) {
            List<ParamSpec> params = Strategies.params(name);
            StringBuilder call = new StringBuilder(name).append('(');
            for (int i = 0; i < params.size(); i++) {
                ParamSpec p = params.get(i);
                call.append(i == 0 ? "" : ",").append(p.name()).append('=')
                        .append(p.hasDefault() ? p.defaultValue() : "?");
            }
            out.println(call.append(')'));
            out.printf("    %s%n", Strategies.description(name));
            for (ParamSpec p : params) {
                out.printf(Locale.ROOT, "    %-11s %-7s default %-10s %-18s %s%n", p.name(),
                        p.type().name().toLowerCase(Locale.ROOT), p.hasDefault() ? p.defaultValue() : "(required)",
                        FeaturesCommand.range(p), p.description());
            }
        }
        out.println("Parameters go by position or by name: sma_cross(10,50), rsi_reversion(n=14,low=25).");
        return 0;
    }
}
