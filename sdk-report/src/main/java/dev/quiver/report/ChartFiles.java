package dev.quiver.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.quiver.api.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * Writes charts stacked vertically into one PNG and one SVG, atomically. Plotting is headless: the class sets
 * {@code java.awt.headless=true} before AWT starts unless the application chose otherwise, so plots render on
 * servers and in CI without a display.
 *
 * <p>Thread-safety: stateless; safe from any thread (each call draws its own image).
 */
public final class ChartFiles {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartFiles() {
    }

    /**
     * One chart of a stack and the height it gets.
     *
     * <p>Thread-safety: immutable as a record; the chart itself must not be changed while it is written.
     *
     * @param chart an XChart chart
     * @param height its height in pixels
     */
    public record Panel(IChart chart, int height) {
    }

    /** Writes one chart as {@code dir/name.png} and {@code dir/name.svg}. */
    public static Plot write(IChart chart, int width, int height, Path dir, String name) throws IOException {
        return write(List.of(new Panel(chart, height)), width, dir.resolve(name + ".png"), dir.resolve(name + ".svg"));
    }

    /**
     * Writes charts stacked top to bottom, {@code width} pixels wide, as one PNG and one SVG.
     *
     * @throws IOException if a file cannot be written
     */
    public static Plot write(List<Panel> stack, int width, Path png, Path svg) throws IOException {
        int height = 0;
        for (Panel p : stack) {
            height += p.height();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            draw(g, stack, width);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream pngBytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", pngBytes);
        AtomicFiles.writeBytes(png, pngBytes.toByteArray());

        VectorGraphics2D vg = new VectorGraphics2D();
        draw(vg, stack, width);
        Document doc = new SVGProcessor().getDocument(vg.getCommands(), new PageSize(0, 0, width, height));
        ByteArrayOutputStream svgBytes = new ByteArrayOutputStream();
        doc.writeTo(svgBytes);
        AtomicFiles.writeBytes(svg, svgBytes.toByteArray());
        return new Plot(png, svg);
    }

    private static void draw(Graphics2D g, List<Panel> stack, int width) {
        int y = 0;
        for (Panel p : stack) {
            Graphics2D part = (Graphics2D) g.create(0, y, width, p.height());
            try {
                p.chart().paint(part, width, p.height());
            } finally {
                part.dispose();
            }
            y += p.height();
        }
    }
}
