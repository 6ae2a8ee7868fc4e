package com.peptalk.iframe.dashboard;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.kiosk.KioskStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything one project's dashboard shows, read from the read model at {@code asOf}.
 *
 * @param messages all channels first, then email and SMS
 * @param workflows the project's active workflows, by name, each with its last run for this project (or none)
 * @param kiosks the project's kiosks, offline first, then late, then online
 * @param failures the last failures of the project's messages, newest first
 * @param daily email, then SMS: the last {@value ProjectDashboards#CHART_DAYS} days in the project's time zone, today
 *     last
 */
public record ProjectDashboard(ProjectSummary project, Instant asOf, List<ChannelMetrics> messages,
        List<ActiveWorkflow> workflows, List<Kiosk> kiosks, List<Failure> failures, List<DailyMessages> daily) {

    public ChannelMetrics channel(String channel) {
        return messages.stream().filter(metrics -> metrics.channel().equals(channel)).findFirst()
                .orElse(new ChannelMetrics(channel, MessageCounts.NONE, MessageCounts.NONE));
    }

    public long kioskCount(KioskStatus status) {
        return kiosks.stream().filter(kiosk -> kiosk.status() == status).count();
    }

    /** A workflow that is {@code active}; {@code lastRun} is null when it has not run for this project yet. */
    public record ActiveWorkflow(UUID workflowId, String name, Run lastRun) {
    }

    /** {@code cause}: a trigger type or {@code cadence}; {@code status}: {@code completed} or {@code failed}. */
    public record Run(Instant finishedAt, String status, String cause, int messages) {
    }

    /** {@code lastSeenAt} is null for a kiosk never heard from. */
    public record Kiosk(String kioskId, KioskStatus status, Instant lastSeenAt) {
    }

    /** {@code fallback} is the channel the message was sent on next, or null. */
    public record Failure(Instant occurredAt, Channel channel, String reason, Channel fallback) {
    }
}
