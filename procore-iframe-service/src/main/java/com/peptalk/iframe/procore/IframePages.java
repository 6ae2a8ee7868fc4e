package com.peptalk.iframe.procore;

import com.peptalk.events.kiosk.KioskStatus;
import com.peptalk.iframe.dashboard.ProjectDashboard;
import com.peptalk.iframe.dashboard.ProjectDashboards;
import com.peptalk.iframe.dashboard.ProjectSummary;
import com.peptalk.iframe.procore.IframeAccess.Access;
import com.peptalk.iframe.procore.IframeRefused.Reason;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The page Procore frames: {@code GET /integrations/procore/iframe?api_token=…[&project_id=…]}. A project token
 * opens its project's dashboard; a project-group token opens the group's project list, and with {@code project_id}
 * one project's dashboard with "Switch project". Every link keeps the token and, where set, the project id, since
 * the iframe has no session: the address is the whole state.
 */
@Controller
class IframePages {

    static final String ROOT = "/integrations/procore";
    static final String PATH = ROOT + "/iframe";

    private final IframeAccess access;
    private final ProjectDashboards dashboards;

    IframePages(IframeAccess access, ProjectDashboards dashboards) {
        this.access = access;
        this.dashboards = dashboards;
    }

    @GetMapping(PATH)
    String iframe(@RequestParam(name = "api_token", required = false) String token,
            @RequestParam(name = "project_id", required = false) String projectId, Model model) {
        Access allowed = access.check(token, projectId);
        model.addAttribute("token", token);
        if (allowed.projectList()) {
            return projectList(allowed, model);
        }
        ProjectSummary project = dashboards.project(allowed.projectId())
                .orElseThrow(() -> new IframeRefused(Reason.UNKNOWN_PROJECT));
        ProjectDashboard dashboard = dashboards.dashboard(project);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("time", ProjectTime.of(project.timeZone()));
        model.addAttribute("tables", dashboard.messages().stream().map(MessageTable::of).toList());
        model.addAttribute("charts", dashboard.daily().stream().map(OutcomeChart::of).toList());
        model.addAttribute("kioskCounts", Map.of("online", dashboard.kioskCount(KioskStatus.ONLINE),
                "late", dashboard.kioskCount(KioskStatus.LATE), "offline", dashboard.kioskCount(KioskStatus.OFFLINE)));
        // the project id stays in the links only where the address had it (a project token may go without)
        model.addAttribute("projectId", projectId == null ? null : allowed.projectId());
        model.addAttribute("group", allowed.group());
        model.addAttribute("groupProjects", allowed.group() ? dashboards.projects(allowed.projectIds()) : List.of());
        return "iframe/dashboard";
    }

    private String projectList(Access allowed, Model model) {
        List<ProjectSummary> known = dashboards.projects(allowed.projectIds());
        Set<Long> shown = known.stream().map(ProjectSummary::projectId).collect(Collectors.toSet());
        model.addAttribute("projects", known);
        // a project the group has but the read model has not heard of yet: listed, without a dashboard to open
        model.addAttribute("pending", allowed.projectIds().stream().filter(id -> !shown.contains(id)).sorted()
                .toList());
        return "iframe/projects";
    }
}
