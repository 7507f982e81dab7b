package dev.loopkeeper.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A bar chart as a PNG for an email, where no script runs: one bar per label, its value written on it, a zero line
 * when values go below zero. Drawn with java.awt (headless), so the report needs no browser and no library.
 */
final class ChartImage {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 280;
    private static final Color BAR = new Color(0x1565c0);
    private static final Color NEGATIVE = new Color(0xc62828);

    private ChartImage() {}

    record Bar(String label, double value) {}

    /** @param bars a NaN value is a gap: written "–", no bar (a month without responses has no NPS, not 0) */
    static byte[] bars(String title, List<Bar> bars) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 12, 20);
            int top = 40;
            int bottom = HEIGHT - 30;
            double max = Math.max(
                    0,
                    bars.stream()
                            .mapToDouble(Bar::value)
                            .filter(v -> !Double.isNaN(v))
                            .max()
                            .orElse(0));
            double min = Math.min(
                    0,
                    bars.stream()
                            .mapToDouble(Bar::value)
                            .filter(v -> !Double.isNaN(v))
                            .min()
                            .orElse(0));
            double span = max - min == 0 ? 1 : max - min;
            int zero = (int) Math.round(top + (bottom - top) * (max / span));
            double slot = (WIDTH - 24.0) / Math.max(1, bars.size());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                int x = (int) Math.round(12 + i * slot + slot * 0.15);
                int w = (int) Math.max(1, Math.round(slot * 0.7));
                if (Double.isNaN(bar.value())) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawString("–", x, zero - 3);
                    g.drawString(bar.label(), x, HEIGHT - 12);
                    continue;
                }
                int h = (int) Math.round((bottom - top) * Math.abs(bar.value()) / span);
                int y = bar.value() >= 0 ? zero - h : zero;
                g.setColor(bar.value() >= 0 ? BAR : NEGATIVE);
                g.fillRect(x, y, w, Math.max(h, 1));
                g.setColor(Color.DARK_GRAY);
                String value = bar.value() == Math.rint(bar.value())
                        ? String.valueOf((long) bar.value())
                        : String.format("%.1f", bar.value());
                g.drawString(value, x, bar.value() >= 0 ? y - 3 : y + h + 12);
                g.drawString(bar.label(), x, HEIGHT - 12);
            }
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1));
            g.drawLine(12, zero, WIDTH - 12, zero);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
