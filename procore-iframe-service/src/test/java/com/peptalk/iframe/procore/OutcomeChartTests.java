package com.peptalk.iframe.procore;

import com.peptalk.events.comms.Channel;
import com.peptalk.iframe.dashboard.DailyMessages;
import com.peptalk.iframe.dashboard.DailyMessages.Day;
import com.peptalk.iframe.procore.OutcomeChart.Bar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The chart's layout: bars as tall as their counts, stacked, on a readable scale, dates every seventh day. */
class OutcomeChartTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void barsAreAsTallAsTheirCountsAndStackDeliveredFailedSuppressed() {
        OutcomeChart chart = OutcomeChart.of(daily(Channel.EMAIL, day(2, 6, 3, 1), day(5, 2, 0, 0)));

        assertThat(chart.empty()).isFalse();
        assertThat(chart.gridlines()).extracting(OutcomeChart.Gridline::value).containsExactly(0L, 5L, 10L);
        Bar delivered = bar(chart, 2, "delivered");
        Bar failed = bar(chart, 2, "failed");
        Bar suppressed = bar(chart, 2, "suppressed");
        double perMessage = (OutcomeChart.BASELINE - OutcomeChart.TOP) / 10;
        assertThat(height(delivered)).isCloseTo(6 * perMessage, within(0.01));
        assertThat(height(failed)).isCloseTo(3 * perMessage, within(0.01));
        assertThat(height(suppressed)).isCloseTo(perMessage, within(0.01));
        assertThat(Double.parseDouble(delivered.y()) + height(delivered)).isCloseTo(OutcomeChart.BASELINE,
                within(0.01));
        assertThat(Double.parseDouble(failed.y()) + height(failed)).isCloseTo(Double.parseDouble(delivered.y()),
                within(0.01));
        assertThat(Double.parseDouble(suppressed.y()) + height(suppressed)).isCloseTo(Double.parseDouble(failed.y()),
                within(0.01));
        assertThat(bar(chart, 5, "delivered").count()).isEqualTo(2);
        assertThat(chart.bars()).as("no bar for a zero").hasSize(4);
        assertThat(chart.summary()).contains("8 delivered, 3 failed, 1 suppressed", "Busiest day: Sat 28 Nov, 10");
    }

    @Test
    void theScaleEndsOnARoundNumberAboveTheBusiestDay() {
        assertThat(OutcomeChart.scaleTop(0)).isEqualTo(1);
        assertThat(OutcomeChart.scaleTop(1)).isEqualTo(1);
        assertThat(OutcomeChart.scaleTop(3)).isEqualTo(3);
        assertThat(OutcomeChart.scaleTop(7)).isEqualTo(8);
        assertThat(OutcomeChart.scaleTop(37)).isEqualTo(40);
        assertThat(OutcomeChart.scaleTop(41)).isEqualTo(60);
        assertThat(OutcomeChart.scaleTop(1234)).isEqualTo(1500);
    }

    @Test
    void todayAndEverySeventhDayBeforeItAreNamed() {
        OutcomeChart chart = OutcomeChart.of(daily(Channel.SMS, day(0, 1, 0, 0)));

        assertThat(chart.dates()).extracting(OutcomeChart.DateLabel::text)
                .containsExactly("2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov");
        assertThat(chart.dates()).extracting(OutcomeChart.DateLabel::anchor).as("today's ends at the right edge")
                .containsExactly("middle", "middle", "middle", "middle", "end");
        assertThat(chart.dates().getLast().x()).isEqualTo("100.00");
        assertThat(chart.key()).isEqualTo("sms");
        assertThat(chart.email()).isFalse();
    }

    @Test
    void aMonthWithoutMessagesIsEmpty() {
        OutcomeChart chart = OutcomeChart.of(daily(Channel.EMAIL));

        assertThat(chart.empty()).isTrue();
        assertThat(chart.bars()).isEmpty();
        assertThat(chart.days()).hasSize(30);
    }

    /** {@code daysAgo}, delivered, failed, suppressed */
    private static Day day(int daysAgo, long delivered, long failed, long suppressed) {
        return new Day(TODAY.minusDays(daysAgo), delivered + failed, delivered, failed, suppressed, 0, 0);
    }

    private static DailyMessages daily(Channel channel, Day... busy) {
        List<Day> days = TODAY.minusDays(29).datesUntil(TODAY.plusDays(1)).map(date -> List.of(busy).stream()
                .filter(day -> day.date().equals(date)).findFirst().orElse(new Day(date, 0, 0, 0, 0, 0, 0))).toList();
        return new DailyMessages(channel, days);
    }

    private static Bar bar(OutcomeChart chart, int daysAgo, String outcome) {
        return chart.bars().stream().filter(bar -> bar.day().equals(TODAY.minusDays(daysAgo).toString())
                && bar.outcome().equals(outcome)).findFirst().orElseThrow();
    }

    private static double height(Bar bar) {
        return Double.parseDouble(bar.height());
    }
}
