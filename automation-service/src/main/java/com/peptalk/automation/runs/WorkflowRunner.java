package com.peptalk.automation.runs;

import com.peptalk.automation.projects.Project;
import com.peptalk.automation.projects.Projects;
import com.peptalk.automation.recipients.AudienceMember;
import com.peptalk.automation.recipients.Audiences;
import com.peptalk.automation.templates.MessageTemplate;
import com.peptalk.automation.templates.RenderFailedException;
import com.peptalk.automation.templates.RenderedMessage;
import com.peptalk.automation.templates.Templates;
import com.peptalk.automation.AutomationProperties;
import com.peptalk.automation.workflows.Conditions;
import com.peptalk.automation.workflows.WorkflowPlan;
import com.peptalk.events.automation.WorkflowRunFinished;
import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.Recipient;
import com.peptalk.events.comms.RenderedContent;
import com.peptalk.events.comms.SendRequested;
import com.peptalk.events.runtime.EventOutbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of one workflow (DESIGN.md §4 step 4): projects → recipients (contacts of those projects in the workflow's
 * roles) → one message per recipient and project, or one per recipient for all their projects (multi-project format)
 * → opt-ins, frequency cap and quiet hours → template rendered → {@code SendRequested} through the outbox, with the
 * run's record and its {@code WorkflowRunFinished}, all in the caller's transaction.
 * <p>
 * Channels: a recipient unreachable on the workflow's channel (no address, or opted out) gets the message on the
 * fallback channel when reachable there; the content always carries the fallback's rendering too. The fallback
 * rendering is the fallback template version when the workflow names one; otherwise it is derived: an SMS from the
 * email's text part, an email from the SMS text (subject: the workflow's name).
 */
@Component
public class WorkflowRunner {

    private final RunRecords runs;
    private final Projects projects;
    private final Audiences audiences;
    private final Templates templates;
    private final EventOutbox outbox;
    private final AutomationProperties settings;
    private final Clock clock;

    WorkflowRunner(RunRecords runs, Projects projects, Audiences audiences, Templates templates, EventOutbox outbox,
            AutomationProperties settings, Clock clock) {
        this.runs = runs;
        this.projects = projects;
        this.audiences = audiences;
        this.templates = templates;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the workflow for the cause, at most once per trigger id or occurrence; empty when it already ran. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<RunRecord> run(WorkflowPlan workflow, RunCause cause) {
        UUID runId = UUID.randomUUID();
        Instant startedAt = clock.instant();
        if (!runs.claim(runId, workflow.id(), cause, startedAt)) {
            return Optional.empty();
        }
        Outcome outcome = attempt(workflow, cause, runId, startedAt);
        RunRecord record = new RunRecord(runId, workflow.id(), cause.name(),
                cause instanceof RunCause.Trigger trigger ? trigger.id() : null,
                cause instanceof RunCause.Occurrence occurrence ? occurrence.at() : null, outcome.status, outcome.reason,
                outcome.projectIds, outcome.audience, outcome.messages,
                new RunRecord.Skipped(outcome.capped, outcome.optedOut, outcome.noAddress), outcome.delayed,
                startedAt, clock.instant());
        runs.finish(record);
        outbox.append(new WorkflowRunFinished(runId, workflow.id(), workflow.name(), record.projectIds(),
                record.cause(), record.status().toLowerCase(java.util.Locale.ROOT), record.messages(), startedAt,
                record.finishedAt()));
        return Optional.of(record);
    }

    private Outcome attempt(WorkflowPlan workflow, RunCause cause, UUID runId, Instant now) {
        Map<String, Object> payload = cause instanceof RunCause.Trigger trigger ? trigger.payload() : Map.of();
        if (cause instanceof RunCause.Trigger) {
            switch (Conditions.evaluate(workflow.condition(), payload)) {
                case NOT_MET -> {
                    return Outcome.skipped("condition not met");
                }
                case NOT_EVALUABLE -> {
                    return Outcome.skipped("condition could not be evaluated on the payload");
                }
                case MET -> {
                    // go on
                }
            }
        }
        List<Project> covered = projectsOf(workflow, cause);
        if (covered.isEmpty()) {
            return Outcome.skipped("no live project in the audience");
        }
        Outcome outcome = new Outcome(covered.stream().map(Project::id).toList());
        List<AudienceMember> members = audiences.of(outcome.projectIds, workflow.roles());
        outcome.audience = members.size();
        MessageTemplate primary = templates.load(workflow.templateVersionId());
        MessageTemplate fallback = workflow.fallbackVersionId() == null ? null : templates.load(workflow.fallbackVersionId());
        Map<Long, Integer> sent = workflow.frequencyCap() == null ? new HashMap<>()
                : new HashMap<>(runs.requestedSince(workflow.id(), members.stream().map(AudienceMember::contactId).toList(),
                        now.minus(workflow.frequencyCap().window())));
        Map<Long, Project> byId = new LinkedHashMap<>();
        covered.forEach(project -> byId.put(project.id(), project));
        List<SendRequested> messages = new ArrayList<>();
        try {
            for (AudienceMember member : members) {
                List<Channel> channels = reachable(member, workflow);
                if (channels.isEmpty()) {
                    if (hasAddress(member, workflow.channel()) || hasAddress(member, workflow.fallbackChannel())) {
                        outcome.optedOut++;
                    }
                    else {
                        outcome.noAddress++;
                    }
                    continue;
                }
                for (List<Project> group : messageGroups(workflow, member, byId)) {
                    int already = sent.getOrDefault(member.contactId(), 0);
                    if (workflow.frequencyCap() != null && already >= workflow.frequencyCap().messages()) {
                        outcome.capped++;
                        continue;
                    }
                    sent.put(member.contactId(), already + 1);
                    Optional<Instant> notBefore = QuietHoursPolicy.waitUntil(workflow.quietHours(), now,
                            zoneOf(member, group.getFirst()));
                    if (notBefore.isPresent()) {
                        outcome.delayed++;
                    }
                    Map<String, Object> variables = variables(workflow, member, group, payload);
                    RenderedContent content = render(workflow, primary, fallback, variables);
                    messages.add(new SendRequested(UUID.randomUUID(), runId, workflow.id(),
                            new Recipient(member.contactId(), member.name(), member.email(), member.phone()),
                            channels.getFirst(), channels.size() > 1 ? channels.get(1) : null, content,
                            group.stream().map(Project::id).toList(), notBefore.orElse(null)));
                }
            }
        }
        catch (RenderFailedException ex) {
            return Outcome.failed(outcome.projectIds, members.size(), "the template could not be rendered with this "
                    + "trigger's data: " + ex.getMessage());
        }
        messages.forEach(outbox::append);
        runs.requested(runId, workflow.id(), messages.stream().map(SendRequested::messageId).toList(),
                messages.stream().map(message -> message.recipient().contactId()).toList(),
                messages.stream().map(message -> message.channel().name()).toList(), now);
        outcome.messages = messages.size();
        return outcome;
    }

    private List<Project> projectsOf(WorkflowPlan workflow, RunCause cause) {
        List<Project> found = switch (workflow.audienceKind()) {
            case EVENT_PROJECT -> cause instanceof RunCause.Trigger trigger && trigger.projectId() != null
                    ? projects.find(List.of(trigger.projectId())) : List.of();
            case PROJECTS -> projects.find(workflow.projectIds());
            case PROJECT_GROUP -> projects.membersOf(workflow.projectGroupId());
        };
        return found.stream().filter(project -> project.companyId() == workflow.companyId())
                .filter(project -> !(cause instanceof RunCause.Occurrence occurrence)
                        || project.timeZone().equals(occurrence.zone()))
                .toList();
    }

    /** The channels to use, in order: the workflow's, then its fallback, each only where the recipient is reachable. */
    private static List<Channel> reachable(AudienceMember member, WorkflowPlan workflow) {
        List<Channel> channels = new ArrayList<>(2);
        for (Channel channel : new Channel[] { workflow.channel(), workflow.fallbackChannel() }) {
            if (channel != null && hasAddress(member, channel)
                    && (channel == Channel.EMAIL ? member.emailOptIn() : member.smsOptIn())) {
                channels.add(channel);
            }
        }
        return channels;
    }

    private static boolean hasAddress(AudienceMember member, Channel channel) {
        if (channel == null) {
            return false;
        }
        return channel == Channel.EMAIL ? member.email() != null : member.phone() != null;
    }

    /** Per project: one group per project of the member; multi-project: one group of all of them. */
    private static List<List<Project>> messageGroups(WorkflowPlan workflow, AudienceMember member, Map<Long, Project> byId) {
        List<Project> mine = member.projectIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        return workflow.format() == WorkflowPlan.Format.MULTI_PROJECT ? List.of(mine)
                : mine.stream().map(List::of).toList();
    }

    private ZoneId zoneOf(AudienceMember member, Project project) {
        if (member.timeZone() != null) {
            try {
                return ZoneId.of(member.timeZone());
            }
            catch (DateTimeException ex) {
                return project.timeZone();
            }
        }
        return project.timeZone() == null ? settings.defaultTimeZone() : project.timeZone();
    }

    private static Map<String, Object> variables(WorkflowPlan workflow, AudienceMember member, List<Project> group,
            Map<String, Object> payload) {
        List<Map<String, Object>> projectVariables = group.stream().map(project -> Map.<String, Object>of(
                "id", project.id(), "name", project.name(), "time_zone", project.timeZone().getId())).toList();
        Map<String, Object> recipient = new HashMap<>();
        recipient.put("name", member.name());
        recipient.put("first_name", member.firstName());
        recipient.put("email", member.email() == null ? "" : member.email());
        recipient.put("phone", member.phone() == null ? "" : member.phone());
        Map<String, Object> variables = new HashMap<>();
        variables.put("project", projectVariables.getFirst());
        variables.put("projects", projectVariables);
        variables.put("recipient", recipient);
        variables.put("workflow", Map.of("name", workflow.name()));
        variables.put("event", payload);
        return variables;
    }

    private static RenderedContent render(WorkflowPlan workflow, MessageTemplate primary, MessageTemplate fallback,
            Map<String, Object> variables) {
        RenderedMessage first = primary.render(variables);
        RenderedMessage second = fallback != null ? fallback.render(variables)
                : workflow.fallbackChannel() == null ? null : derive(workflow, first);
        RenderedMessage email = workflow.channel() == Channel.EMAIL ? first : second;
        RenderedMessage sms = workflow.channel() == Channel.SMS ? first : second;
        return new RenderedContent(email == null ? null : email.subject(), email == null ? null : email.html(),
                email == null ? null : email.text(), sms == null ? null : sms.sms());
    }

    /** The fallback channel's rendering when the workflow names no fallback template. */
    private static RenderedMessage derive(WorkflowPlan workflow, RenderedMessage primary) {
        if (workflow.channel() == Channel.EMAIL) {
            return new RenderedMessage(null, null, null, primary.text());
        }
        return new RenderedMessage(workflow.name(), "<p>" + HtmlUtils.htmlEscape(primary.sms()) + "</p>", primary.sms(),
                null);
    }

    /** What a run found and did, counted as it goes. */
    private static final class Outcome {
        String status = "COMPLETED";
        String reason;
        final List<Long> projectIds;
        int audience;
        int messages;
        int capped;
        int optedOut;
        int noAddress;
        int delayed;

        Outcome(List<Long> projectIds) {
            this.projectIds = projectIds;
        }

        static Outcome skipped(String reason) {
            Outcome outcome = new Outcome(List.of());
            outcome.status = "SKIPPED";
            outcome.reason = reason;
            return outcome;
        }

        static Outcome failed(List<Long> projectIds, int audience, String reason) {
            Outcome outcome = new Outcome(projectIds);
            outcome.status = "FAILED";
            outcome.reason = reason;
            outcome.audience = audience;
            return outcome;
        }
    }
}
