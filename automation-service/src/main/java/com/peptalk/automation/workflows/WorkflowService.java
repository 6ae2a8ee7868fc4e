package com.peptalk.automation.workflows;

import com.peptalk.automation.projects.Project;
import com.peptalk.automation.projects.Projects;
import com.peptalk.automation.refusals.InvalidInputException;
import com.peptalk.automation.refusals.NotFoundException;
import com.peptalk.automation.refusals.UnknownIdsException;
import com.peptalk.automation.templates.TemplateRef;
import com.peptalk.automation.templates.Templates;
import com.peptalk.events.automation.WorkflowUpserted;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.runtime.EventOutbox;
import com.peptalk.web.problem.Problems.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Workflows: checked whole before anything is saved (a cadence rule that cannot occur, a condition that does not
 * parse, unknown projects or template versions are refused naming the field); every save announces the workflow on
 * {@code automation.workflow-events} through the outbox, in the same transaction.
 */
@Service
public class WorkflowService {

    private static final Duration MIN_CAP_WINDOW = Duration.ofMinutes(1);
    private static final Duration MAX_CAP_WINDOW = Duration.ofDays(31);

    private final WorkflowRepository workflows;
    private final Projects projects;
    private final Templates templates;
    private final EventOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkflowService(WorkflowRepository workflows, Projects projects, Templates templates, EventOutbox outbox,
            ApplicationEventPublisher events, Clock clock) {
        this.workflows = workflows;
        this.projects = projects;
        this.templates = templates;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Published (in the saving transaction) when a workflow was saved, so cadence schedules follow. */
    public record WorkflowSaved(WorkflowPlan plan) {
    }

    @Transactional
    WorkflowPlan create(WorkflowRequest request) {
        WorkflowPlan plan = check(UUID.randomUUID(), request);
        Workflow workflow = workflows.save(new Workflow(plan.id(), plan, clock.instant()));
        return saved(workflow);
    }

    @Transactional
    WorkflowPlan update(UUID id, WorkflowRequest request) {
        Workflow workflow = workflows.findById(id).orElseThrow(() -> new NotFoundException("workflow", id));
        workflow.update(check(id, request), clock.instant());
        return saved(workflow);
    }

    @Transactional(readOnly = true)
    WorkflowPlan get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("workflow", id));
    }

    @Transactional(readOnly = true)
    List<WorkflowPlan> list(long companyId) {
        return workflows.findByCompanyIdOrderByCreatedAt(companyId).stream().map(Workflow::plan).toList();
    }

    /** The workflow, if it exists. */
    @Transactional(readOnly = true)
    public Optional<WorkflowPlan> find(UUID id) {
        return workflows.findById(id).map(Workflow::plan);
    }

    /** The active workflows a trigger of this type may start. */
    @Transactional(readOnly = true)
    public List<WorkflowPlan> activeFor(String triggerType) {
        return workflows.findByTriggerTypeAndStatus(triggerType, WorkflowPlan.Status.ACTIVE).stream()
                .map(Workflow::plan).toList();
    }

    private WorkflowPlan saved(Workflow workflow) {
        WorkflowPlan plan = workflow.plan();
        outbox.append(new WorkflowUpserted(plan.id(), plan.companyId(), plan.name(),
                plan.status().name().toLowerCase(Locale.ROOT), plan.projectIds()));
        events.publishEvent(new WorkflowSaved(plan));
        return plan;
    }

    /** The plan the request describes, or the refusal naming what is wrong. */
    private WorkflowPlan check(UUID id, WorkflowRequest request) {
        List<FieldError> errors = new ArrayList<>();
        WorkflowRequest.Trigger trigger = request.trigger();
        if ((trigger == null) == (request.cadence() == null)) {
            errors.add(new FieldError("trigger", "a workflow has either a trigger or a cadence rule, not both"));
        }
        if (trigger != null) {
            if (!TriggerTypes.known(trigger.type())) {
                errors.add(new FieldError("trigger.type", "is not a known trigger type: manual, kiosk.offline, "
                        + "kiosk.online or procore.<resource>.<create|update|delete>"));
            }
            if (trigger.condition() != null && !trigger.condition().isBlank()) {
                Conditions.problem(trigger.condition())
                        .ifPresent(problem -> errors.add(new FieldError("trigger.condition", problem)));
            }
        }
        if (request.cadence() != null) {
            errors.addAll(request.cadence().problems());
        }
        WorkflowRequest.Audience audience = request.audience();
        switch (audience.kind()) {
            case EVENT_PROJECT -> {
                if (trigger == null) {
                    errors.add(new FieldError("audience.kind", "EVENT_PROJECT needs a trigger (a cadence has no event)"));
                }
            }
            case PROJECTS -> {
                if (audience.projectIds() == null || audience.projectIds().isEmpty()) {
                    errors.add(new FieldError("audience.projectIds", "PROJECTS needs at least one project id"));
                }
            }
            case PROJECT_GROUP -> {
                if (audience.projectGroupId() == null) {
                    errors.add(new FieldError("audience.projectGroupId", "PROJECT_GROUP needs a project group id"));
                }
            }
        }
        if (request.fallbackChannel() != null && request.fallbackChannel() == request.channel()) {
            errors.add(new FieldError("fallbackChannel", "must differ from channel"));
        }
        if (request.fallbackTemplate() != null && request.fallbackChannel() == null) {
            errors.add(new FieldError("fallbackTemplate", "needs a fallbackChannel"));
        }
        if (request.quietHours() != null && request.quietHours().start().equals(request.quietHours().end())) {
            errors.add(new FieldError("quietHours.end", "must differ from start"));
        }
        if (request.frequencyCap() != null) {
            Duration window = request.frequencyCap().window();
            if (window.compareTo(MIN_CAP_WINDOW) < 0 || window.compareTo(MAX_CAP_WINDOW) > 0) {
                errors.add(new FieldError("frequencyCap.window", "must be from PT1M to P31D"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Long> projectIds = audience.kind() == WorkflowPlan.AudienceKind.PROJECTS
                ? audience.projectIds().stream().distinct().sorted().toList() : List.of();
        requireReferences(request, projectIds);
        TemplateRef template = template("template", request.template(), request.companyId(), request.channel());
        TemplateRef fallback = request.fallbackTemplate() == null ? null
                : template("fallbackTemplate", request.fallbackTemplate(), request.companyId(), request.fallbackChannel());
        return new WorkflowPlan(id, request.companyId(), request.name().strip(),
                request.status() == null ? WorkflowPlan.Status.ACTIVE : request.status(),
                trigger == null ? null : trigger.type(),
                trigger == null || trigger.condition() == null || trigger.condition().isBlank() ? null : trigger.condition().strip(),
                request.cadence(), audience.kind(), projectIds,
                audience.kind() == WorkflowPlan.AudienceKind.PROJECT_GROUP ? audience.projectGroupId() : null,
                audience.roles().stream().distinct().sorted().toList(),
                request.format() == null ? WorkflowPlan.Format.PER_PROJECT : request.format(), request.channel(),
                request.fallbackChannel(), template.versionId(), fallback == null ? null : fallback.versionId(),
                request.quietHours() == null ? null
                        : new WorkflowPlan.QuietHours(request.quietHours().start(), request.quietHours().end()),
                request.frequencyCap() == null ? null
                        : new WorkflowPlan.FrequencyCap(request.frequencyCap().messages(), request.frequencyCap().window()),
                null, null);
    }

    private void requireReferences(WorkflowRequest request, List<Long> projectIds) {
        List<Long> ofCompany = projects.find(projectIds).stream()
                .filter(project -> project.companyId() == request.companyId()).map(Project::id).toList();
        List<Long> unknown = projectIds.stream().filter(projectId -> !ofCompany.contains(projectId)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownIdsException("audience.projectIds", unknown);
        }
        Long groupId = request.audience().projectGroupId();
        if (request.audience().kind() == WorkflowPlan.AudienceKind.PROJECT_GROUP && !projects.groupExists(groupId)) {
            throw new UnknownIdsException("audience.projectGroupId", List.of(groupId));
        }
    }

    private TemplateRef template(String field, WorkflowRequest.TemplateVersion named, long companyId, Channel channel) {
        TemplateRef template = templates.messageVersion(named.templateId(), named.version())
                .filter(found -> found.companyId() == companyId)
                .orElseThrow(() -> new UnknownIdsException(field, List.of(named.templateId() + "/" + named.version())));
        if (template.channel() != channel) {
            throw new InvalidInputException(field, "is a " + template.channel() + " template; the channel is " + channel);
        }
        return template;
    }
}
