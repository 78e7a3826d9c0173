package dev.hindsight.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Bar charts as inline SVG, drawn at build time. Colours come from CSS classes ({@code series-N}), so
 * the charts follow the page's light or dark theme; every bar carries a {@code <title>} with its exact
 * value, and the chart a {@code <title>} and {@code <desc>} it is labelled by. Output depends only on
 * the input: coordinates are printed with one decimal and {@link Locale#ROOT}.
 */
final class SvgCharts {

    static final int WIDTH = 720;
    static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 44;
    private static final int BOTTOM = 40;

    /** One series: its name (legend, tooltips) and CSS class. */
    record Series(String name, String cssClass) {
    }

    /**
     * @param values     [label][series]; null for "no data"
     * @param stacked    stack the series in one bar per label, else bars side by side
     * @param fixedMax   the top of the axis, or 0 to fit the data
     * @param tickFormat y-axis labels
     * @param valueText  exact values for the tooltips
     * @param barLabel   a short label printed above each bar (side-by-side bars only), or null for none
     */
    record Spec(String id, String title, String description, List<String> labels, List<Series> series,
                Double[][] values, boolean stacked, double fixedMax, DoubleFunction<String> tickFormat,
                DoubleFunction<String> valueText, DoubleFunction<String> barLabel) {
    }

    private SvgCharts() {
    }

    static String bars(Spec spec) {
        int n = spec.labels().size();
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double max = spec.fixedMax() > 0 ? spec.fixedMax() : dataMax(spec);
        double step = niceStep(max / 4);
        double top = spec.fixedMax() > 0 ? spec.fixedMax() : Math.max(step, Math.ceil(max / step) * step);
        StringBuilder b = new StringBuilder(4096);
        String titleId = spec.id() + "-title";
        String descId = spec.id() + "-desc";
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(spec.id())
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(titleId).append(' ').append(descId).append("\">\n");
        b.append("<title id=\"").append(titleId).append("\">").append(xml(spec.title())).append("</title>\n");
        b.append("<desc id=\"").append(descId).append("\">").append(xml(spec.description())).append("</desc>\n");
        legend(b, spec.series());
        // grid and y axis
        for (double v = 0; v <= top + step / 1000; v += step) {
            double y = TOP + plotH - v / top * plotH;
            b.append("<line class=\"grid\" x1=\"").append(num(LEFT)).append("\" x2=\"").append(num(LEFT + plotW))
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"></line>\n");
            b.append("<text class=\"tick\" x=\"").append(num(LEFT - 6)).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(xml(spec.tickFormat().apply(v))).append("</text>\n");
        }
        if (n == 0) {
            b.append("<text class=\"tick\" x=\"").append(num(LEFT + plotW / 2.0)).append("\" y=\"")
                    .append(num(TOP + plotH / 2.0)).append("\" text-anchor=\"middle\">No data</text>\n");
            return b.append("</svg>").toString();
        }
        double band = (double) plotW / n;
        int every = Math.max(1, (int) Math.ceil(n * 56.0 / plotW));
        for (int i = 0; i < n; i++) {
            double x0 = LEFT + i * band;
            double inner = band * 0.72;
            double start = x0 + (band - inner) / 2;
            if (spec.stacked()) {
                double acc = 0;
                for (int s = 0; s < spec.series().size(); s++) {
                    Double v = spec.values()[i][s];
                    if (v == null || v <= 0) {
                        continue;
                    }
                    double yTop = TOP + plotH - (acc + v) / top * plotH;
                    double h = v / top * plotH;
                    bar(b, spec, i, s, start, yTop, inner, h, v);
                    acc += v;
                }
            } else {
                int k = spec.series().size();
                double w = inner / k;
                for (int s = 0; s < k; s++) {
                    Double v = spec.values()[i][s];
                    if (v == null) {
                        continue;
                    }
                    double h = Math.max(v / top * plotH, v > 0 ? 1 : 0);
                    bar(b, spec, i, s, start + s * w, TOP + plotH - h, w, h, v);
                    if (spec.barLabel() != null) {
                        b.append("<text class=\"value\" x=\"").append(num(start + s * w + w / 2)).append("\" y=\"")
                                .append(num(TOP + plotH - h - 4)).append("\" text-anchor=\"middle\">")
                                .append(xml(spec.barLabel().apply(v))).append("</text>\n");
                    }
                }
            }
            if (i % every == 0) {
                b.append("<text class=\"tick\" x=\"").append(num(x0 + band / 2)).append("\" y=\"")
                        .append(num(TOP + plotH + 16)).append("\" text-anchor=\"middle\">")
                        .append(xml(spec.labels().get(i))).append("</text>\n");
            }
        }
        b.append("<line class=\"axis\" x1=\"").append(num(LEFT)).append("\" x2=\"").append(num(LEFT + plotW))
                .append("\" y1=\"").append(num(TOP + plotH)).append("\" y2=\"").append(num(TOP + plotH))
                .append("\"></line>\n");
        return b.append("</svg>").toString();
    }

    private static void bar(StringBuilder b, Spec spec, int i, int s, double x, double y, double w, double h,
                            double v) {
        b.append("<rect class=\"bar ").append(spec.series().get(s).cssClass()).append("\" x=\"").append(num(x))
                .append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"")
                .append(num(h)).append("\"><title>").append(xml(spec.labels().get(i))).append(" · ")
                .append(xml(spec.series().get(s).name())).append(": ").append(xml(spec.valueText().apply(v)))
                .append("</title></rect>\n");
    }

    private static void legend(StringBuilder b, List<Series> series) {
        double x = LEFT;
        for (Series s : series) {
            b.append("<rect class=\"swatch ").append(s.cssClass()).append("\" x=\"").append(num(x))
                    .append("\" y=\"12\" width=\"12\" height=\"12\"></rect>")
                    .append("<text class=\"legend\" x=\"").append(num(x + 17)).append("\" y=\"22\">")
                    .append(xml(s.name())).append("</text>\n");
            x += 17 + s.name().length() * 7.5 + 18;
        }
    }

    private static double dataMax(Spec spec) {
        double max = 0;
        for (Double[] row : spec.values()) {
            double sum = 0;
            for (Double v : row) {
                if (v != null) {
                    sum = spec.stacked() ? sum + v : Math.max(sum, v);
                }
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw} (and at least 1). */
    static double niceStep(double raw) {
        if (raw <= 1) {
            return 1;
        }
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String xml(String s) {
        return Xml.escape(s);
    }

    static List<Series> series(List<String> names, String prefix) {
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new Series(names.get(i), prefix + i));
        }
        return out;
    }
}
