/**
 * The {@code quiver} application ({@link dev.quiver.cli.QuiverCommand}). It exports nothing: it is run, not
 * compiled against. Its commands find the providers (caches, kernels, executors, stores, formats, backtesters) through
 * {@link java.util.ServiceLoader}, so on the module path every module that provides one is bound into the
 * application by service binding, plugins included, without being named here.
 *
 * <p>Run it with {@code java --module-path ... -m dev.quiver.cli}; docs/build.md lists the flags and which jars go
 * on the class path instead.
 */
module dev.quiver.cli {
    requires dev.quiver.api;
    requires dev.quiver.io;
    requires dev.quiver.cache;
    requires dev.quiver.features;
    requires dev.quiver.gpu.cuda;
    requires dev.quiver.portfolio;
    requires dev.quiver.backtest;
    // automatic module (sdk-spark's manifest): --engine spark; Spark itself is read from the class path, when there
    requires dev.quiver.spark;
    requires info.picocli;
    requires me.tongfei.progressbar;
    // automatic module (Automatic-Module-Name in its manifest)
    requires com.google.guice;
    // Guice's own dependencies: an automatic module declares none, so the application resolves them for it (Guava
    // and jakarta.inject are modules; aopalliance is the automatic module its jar's name gives)
    requires com.google.common;
    requires jakarta.inject;
    requires aopalliance;

    // picocli reads and sets the commands' annotated fields and methods reflectively
    opens dev.quiver.cli to info.picocli;
}
