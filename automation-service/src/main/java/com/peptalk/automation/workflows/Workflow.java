package com.peptalk.automation.workflows;

import com.peptalk.events.comms.Channel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A communication workflow: what starts it (a trigger type with a condition, or a cadence rule), whom it reaches
 * (an audience of projects and roles, in one of two formats), how (a channel, a fallback, template versions) and with
 * what restraint (quiet hours, a frequency cap), and whether it is active.
 */
@Entity
@Table(name = "workflows")
class Workflow {

    @Id
    private UUID id;
    private long companyId;
    private String name;
    @Enumerated(EnumType.STRING)
    private WorkflowPlan.Status status;
    private String triggerType;
    private String triggerCondition;
    @Enumerated(EnumType.STRING)
    private CadenceRule.Frequency cadenceFrequency;
    private String cadenceDays;
    private Integer cadenceDayOfMonth;
    private LocalTime cadenceTime;
    private Integer cadenceEveryHours;
    private LocalDate cadenceStartsOn;
    private LocalDate cadenceEndsOn;
    @Enumerated(EnumType.STRING)
    private WorkflowPlan.AudienceKind audienceKind;
    private Long audienceGroupId;
    @Enumerated(EnumType.STRING)
    private WorkflowPlan.Format format;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private Channel fallbackChannel;
    private long templateVersionId;
    private Long fallbackVersionId;
    private LocalTime quietStart;
    private LocalTime quietEnd;
    private Integer capMessages;
    private Long capWindowSeconds;
    @ElementCollection
    @CollectionTable(name = "workflow_projects", joinColumns = @JoinColumn(name = "workflow_id"))
    @Column(name = "project_id")
    private Set<Long> projectIds = new TreeSet<>();
    @ElementCollection
    @CollectionTable(name = "workflow_roles", joinColumns = @JoinColumn(name = "workflow_id"))
    @Column(name = "role")
    private Set<String> roles = new TreeSet<>();
    private Instant createdAt;
    private Instant updatedAt;

    protected Workflow() {
    }

    Workflow(UUID id, WorkflowPlan plan, Instant now) {
        this.id = id;
        this.createdAt = now;
        update(plan, now);
    }

    /** Takes the definition of a checked plan (its id and company stay). */
    void update(WorkflowPlan plan, Instant now) {
        this.companyId = plan.companyId();
        this.name = plan.name();
        this.status = plan.status();
        this.triggerType = plan.triggerType();
        this.triggerCondition = plan.condition();
        CadenceRule cadence = plan.cadence();
        this.cadenceFrequency = cadence == null ? null : cadence.frequency();
        this.cadenceDays = cadence == null || cadence.days().isEmpty() ? null
                : String.join(",", cadence.days().stream().map(DayOfWeek::name).toList());
        this.cadenceDayOfMonth = cadence == null ? null : cadence.dayOfMonth();
        this.cadenceTime = cadence == null ? null : cadence.time();
        this.cadenceEveryHours = cadence == null ? null : cadence.everyHours();
        this.cadenceStartsOn = cadence == null ? null : cadence.startsOn();
        this.cadenceEndsOn = cadence == null ? null : cadence.endsOn();
        this.audienceKind = plan.audienceKind();
        this.audienceGroupId = plan.projectGroupId();
        this.projectIds = new TreeSet<>(plan.projectIds());
        this.roles = new TreeSet<>(plan.roles());
        this.format = plan.format();
        this.channel = plan.channel();
        this.fallbackChannel = plan.fallbackChannel();
        this.templateVersionId = plan.templateVersionId();
        this.fallbackVersionId = plan.fallbackVersionId();
        this.quietStart = plan.quietHours() == null ? null : plan.quietHours().start();
        this.quietEnd = plan.quietHours() == null ? null : plan.quietHours().end();
        this.capMessages = plan.frequencyCap() == null ? null : plan.frequencyCap().messages();
        this.capWindowSeconds = plan.frequencyCap() == null ? null : plan.frequencyCap().window().toSeconds();
        this.updatedAt = now;
    }

    WorkflowPlan plan() {
        CadenceRule cadence = cadenceFrequency == null ? null : new CadenceRule(cadenceFrequency,
                cadenceDays == null ? List.of() : Arrays.stream(cadenceDays.split(",")).map(DayOfWeek::valueOf).toList(),
                cadenceDayOfMonth, cadenceTime, cadenceEveryHours, cadenceStartsOn, cadenceEndsOn);
        return new WorkflowPlan(id, companyId, name, status, triggerType, triggerCondition, cadence, audienceKind,
                projectIds.stream().sorted().toList(), audienceGroupId, roles.stream().sorted().toList(), format,
                channel, fallbackChannel, templateVersionId, fallbackVersionId,
                quietStart == null ? null : new WorkflowPlan.QuietHours(quietStart, quietEnd),
                capMessages == null ? null : new WorkflowPlan.FrequencyCap(capMessages, Duration.ofSeconds(capWindowSeconds)),
                createdAt, updatedAt);
    }
}
