package dev.quiver.bench.report;

import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The machine a benchmark run measured: what a reader needs to judge the figures (CPU model, the cores the JVM saw,
 * the Vector API's preferred width, JDK and operating system). The suite records it beside the results
 * ({@value #FILE_NAME}) when it runs, so a report made later, elsewhere, still names the machine that ran.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param cpu        the CPU model ("model name" of {@code /proc/cpuinfo}), or "unknown"
 * @param cores      the processors the JVM saw ({@link Runtime#availableProcessors()})
 * @param vectorBits the bit size of {@code jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED}, or 0 when the Vector
 *                   API was not loaded (the JVM lacked {@code --add-modules jdk.incubator.vector})
 * @param jdk        {@code java.runtime.version} and {@code java.vm.name}
 * @param os         {@code os.name}, {@code os.version} and {@code os.arch}
 */
public record MachineInfo(String cpu, int cores, int vectorBits, String jdk, String os) {
    /** The file name the suite writes beside {@code results.json}. */
    public static final String FILE_NAME = "machine.properties";

    /** This machine, as this JVM sees it. */
    public static MachineInfo current() {
        return new MachineInfo(cpuModel(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(),
                preferredVectorBits(), System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    /** The first "model name" of a {@code /proc/cpuinfo}-shaped file, or "unknown" when there is none. */
    static String cpuModel(Path cpuinfo) {
        try {
            List<String> lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                    return line.substring(colon + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the header says so
        }
        return "unknown";
    }

    /**
     * {@code DoubleVector.SPECIES_PREFERRED.vectorBitSize()} through reflection, so this class loads without the
     * incubator module; 0 when the module is not in the boot layer.
     */
    static int preferredVectorBits() {
        try {
            Class<?> vector = Class.forName("jdk.incubator.vector.DoubleVector");
            Object species = vector.getField("SPECIES_PREFERRED").get(null);
            return (Integer) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize")
                    .invoke(species);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return 0;
        }
    }

    /** The vector width as the report prints it. */
    String vectorText() {
        return vectorBits == 0 ? "unknown (the JVM did not load jdk.incubator.vector)"
                : vectorBits + " bits (" + vectorBits / 64 + " doubles, DoubleVector.SPECIES_PREFERRED)";
    }

    /** Writes the fields as a properties file, atomically. */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("cpu", cpu);
        p.setProperty("cores", Integer.toString(cores));
        p.setProperty("vectorBits", Integer.toString(vectorBits));
        p.setProperty("jdk", jdk);
        p.setProperty("os", os);
        AtomicFiles.writeText(file, w -> p.store(w, "the machine of this benchmark run"));
    }

    /**
     * Reads a file {@link #write} wrote.
     *
     * @throws IOException if it cannot be read or lacks a field (the message names the file and the field)
     */
    public static MachineInfo read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return new MachineInfo(field(file, p, "cpu"), Integer.parseInt(field(file, p, "cores")),
                    Integer.parseInt(field(file, p, "vectorBits")), field(file, p, "jdk"), field(file, p, "os"));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": cores and vectorBits must be integers: " + e.getMessage(), e);
        }
    }

    private static String field(Path file, Properties p, String name) throws IOException {
        String v = p.getProperty(name);
        if (v == null) {
            throw new IOException(file + ": missing \"" + name + "\"");
        }
        return v;
    }
}
