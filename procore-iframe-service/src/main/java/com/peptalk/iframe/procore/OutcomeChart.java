package com.peptalk.iframe.procore;

import com.peptalk.events.comms.Channel;
import com.peptalk.iframe.dashboard.DailyMessages;
import com.peptalk.iframe.dashboard.DailyMessages.Day;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * One channel's 30-day chart, laid out for a server-rendered SVG (no script, nothing the page's CSP would block): per
 * day a stacked bar of the outcomes that end a message on the channel (delivered, failed, suppressed), gridlines
 * with their values and a date every seventh day. Horizontal positions are percentages of the chart's width and
 * vertical ones pixels of its fixed height, so the bars fill any width (Procore's full page or its 400 px side
 * panel) while the labels keep their size. Each bar carries {@code data-day}, {@code data-outcome} and
 * {@code data-count}.
 *
 * @param key {@code email} or {@code sms}, for element ids
 * @param summary what the chart shows, in words (its SVG {@code <desc>})
 */
record OutcomeChart(String key, String caption, boolean email, boolean empty, String summary, List<Bar> bars,
        List<Gridline> gridlines, List<DateLabel> dates, List<Day> days) {

    /** The SVG's height in pixels. */
    static final int HEIGHT = 200;
    /** Where the plot's bottom (zero) line and top are, in pixels from the SVG's top. */
    static final double BASELINE = 172;
    static final double TOP = 12;
    /** Left of the plot: room for the gridlines' values, as a percentage of the width. */
    private static final double LEFT = 7;
    private static final double BAR_SHARE = 0.7;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** The outcomes the bars stack, bottom first. */
    enum Stacked {
        DELIVERED("delivered", Day::delivered), FAILED("failed", Day::failed),
        SUPPRESSED("suppressed", Day::suppressed);

        final String outcome;
        final ToLongFunction<Day> count;

        Stacked(String outcome, ToLongFunction<Day> count) {
            this.outcome = outcome;
            this.count = count;
        }
    }

    /** {@code x}, {@code width}: percent; {@code y}, {@code height}: pixels. */
    record Bar(String day, String outcome, long count, String x, String width, String y, String height,
            String title) {
    }

    record Gridline(long value, String y) {
    }

    /**
     * {@code x}: percent, the middle of its day's bar; {@code anchor}: the SVG {@code text-anchor}, {@code end} for
     * today's (the last bar's) date, which would otherwise run past the chart's right edge.
     */
    record DateLabel(String x, String anchor, String text) {
    }

    public int height() {
        return HEIGHT;
    }

    /** The baseline of the dates under the bars, in pixels. */
    public int datesY() {
        return HEIGHT - 8;
    }

    /** Where the plot begins, in percent: the gridlines start there and their values end just before it. */
    public String plotLeft() {
        return decimal(LEFT);
    }

    public String valuesX() {
        return decimal(LEFT - 1);
    }

    static OutcomeChart of(DailyMessages daily) {
        boolean email = daily.channel() == Channel.EMAIL;
        String key = daily.channel().name().toLowerCase(Locale.ROOT);
        String caption = email ? "Email" : "SMS";
        List<Day> days = daily.days();
        long top = scaleTop(days.stream().mapToLong(Day::total).max().orElse(0));
        double slot = (100 - LEFT) / Math.max(1, days.size());
        List<Bar> bars = new ArrayList<>();
        List<DateLabel> dates = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double x = LEFT + i * slot + slot * (1 - BAR_SHARE) / 2;
            double stacked = 0;
            for (Stacked outcome : Stacked.values()) {
                long count = outcome.count.applyAsLong(day);
                if (count == 0) {
                    continue;
                }
                double height = pixels(count, top);
                stacked += height;
                bars.add(new Bar(day.date().toString(), outcome.outcome, count, decimal(x), decimal(slot * BAR_SHARE),
                        decimal(BASELINE - stacked), decimal(height),
                        LONG.format(day.date()) + ": " + count + " " + outcome.outcome));
            }
            // today is last: a date under it and under every seventh day before it
            if (i == days.size() - 1) {
                dates.add(new DateLabel(decimal(100), "end", SHORT.format(day.date())));
            }
            else if ((days.size() - 1 - i) % 7 == 0) {
                dates.add(new DateLabel(decimal(LEFT + (i + 0.5) * slot), "middle", SHORT.format(day.date())));
            }
        }
        return new OutcomeChart(key, caption, email, daily.empty(), summary(caption, days), List.copyOf(bars),
                gridlines(top), List.copyOf(dates), days);
    }

    /** The scale's top: the smallest multiple of 1, 2 or 5 × 10ⁿ, at most four steps, that holds the largest day. */
    static long scaleTop(long largest) {
        long step = step(largest);
        return Math.max(step, (largest + step - 1) / step * step);
    }

    private static long step(long largest) {
        for (long magnitude = 1; ; magnitude *= 10) {
            for (long step : new long[] { magnitude, 2 * magnitude, 5 * magnitude }) {
                if (largest <= 4 * step) {
                    return step;
                }
            }
        }
    }

    private static List<Gridline> gridlines(long top) {
        long step = step(top);
        List<Gridline> lines = new ArrayList<>();
        for (long value = 0; value <= top; value += step) {
            lines.add(new Gridline(value, decimal(BASELINE - pixels(value, top))));
        }
        return List.copyOf(lines);
    }

    private static double pixels(long count, long top) {
        return (BASELINE - TOP) * count / top;
    }

    private static String summary(String caption, List<Day> days) {
        long delivered = days.stream().mapToLong(Day::delivered).sum();
        long failed = days.stream().mapToLong(Day::failed).sum();
        long suppressed = days.stream().mapToLong(Day::suppressed).sum();
        String period = days.isEmpty() ? "" : " from " + LONG.format(days.getFirst().date()) + " to "
                + LONG.format(days.getLast().date());
        String totals = caption + " messages by the day they ended" + period + ": " + delivered + " delivered, "
                + failed + " failed, " + suppressed + " suppressed.";
        return days.stream().filter(day -> day.total() > 0)
                .max(Comparator.comparingLong(Day::total).thenComparing(Day::date))
                .map(busiest -> totals + " Busiest day: " + LONG.format(busiest.date()) + ", " + busiest.total()
                        + " messages.")
                .orElse(totals);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
