package dev.quiver.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A plot written as a PNG and an SVG of the same drawing.
 *
 * <p>Thread-safety: immutable.
 *
 * @param png the raster file
 * @param svg the vector file
 */
public record Plot(Path png, Path svg) {

    /** @throws NullPointerException if a path is null */
    public Plot {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(svg, "svg");
    }
}
