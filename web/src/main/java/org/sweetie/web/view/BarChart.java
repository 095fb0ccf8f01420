package org.sweetie.web.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as inline SVG: the geometry is worked out here, the template only writes the
 * numbers into rect and text elements, so the page needs no script and keeps its strict Content-Security-Policy.
 * Every chart's figures are also a table, for screen readers and for copying.
 *
 * @param id the chart's element id (for its title and the table that holds its figures)
 * @param what the name of the counted things, the table's value column
 */
public record BarChart(String id, String title, String what, int width, int height, List<Bar> bars) {
    private static final int WIDTH = 720;
    private static final int ROW = 22;
    private static final int LABEL = 150;
    private static final int COLUMN_AREA = 180;
    private static final int AXIS = 34;

    public BarChart {
        bars = List.copyOf(bars);
    }

    /** A figure, its bar, and where its label and value are written. */
    public record Bar(String label, long value, int x, int y, int w, int h, int labelX, int labelY, int valueX,
                      int valueY, boolean labelShown) {
    }

    /** A figure of the chart before drawing. */
    public record Figure(String label, long value) {
    }

    /** Horizontal bars, one per row, for labelled categories (stages, countries). */
    public static BarChart rows(String id, String title, String what, List<Figure> figures) {
        long max = Math.max(1, figures.stream().mapToLong(Figure::value).max().orElse(1));
        int room = WIDTH - LABEL - 60;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            int w = (int) Math.round((double) f.value() * room / max);
            int y = i * ROW + 4;
            bars.add(new Bar(f.label(), f.value(), LABEL, y, w, ROW - 6, LABEL - 6, y + ROW - 10, LABEL + w + 4,
                    y + ROW - 10, true));
        }
        return new BarChart(id, title, what, WIDTH, Math.max(ROW, figures.size() * ROW + 8), bars);
    }

    /** Vertical columns in time order (days); only some labels fit under them, every value is in the table. */
    public static BarChart columns(String id, String title, String what, List<Figure> figures) {
        long max = Math.max(1, figures.stream().mapToLong(Figure::value).max().orElse(1));
        int n = Math.max(1, figures.size());
        double step = (double) (WIDTH - 20) / n;
        int every = (int) Math.ceil(n / 8.0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            int h = (int) Math.round((double) f.value() * (COLUMN_AREA - 16) / max);
            int x = 10 + (int) Math.round(i * step);
            int w = Math.max(1, Math.min(48, (int) Math.floor(step * 0.8)));
            bars.add(new Bar(f.label(), f.value(), x, COLUMN_AREA - h, w, h, x, COLUMN_AREA + 16, x + w / 2,
                    COLUMN_AREA - h - 3, i % every == 0));
        }
        return new BarChart(id, title, what, WIDTH, COLUMN_AREA + AXIS, bars);
    }

    /** Whether the chart is a columns chart (labels start under the bars) rather than rows (labels end before). */
    public boolean columns() {
        return height == COLUMN_AREA + AXIS;
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}
