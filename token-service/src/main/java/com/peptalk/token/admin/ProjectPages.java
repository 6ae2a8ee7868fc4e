package com.peptalk.token.admin;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.token.admin.AdminQueries.ProjectRow;
import com.peptalk.token.admin.AdminQueries.Slice;
import com.peptalk.token.refusals.NotFoundException;
import com.peptalk.token.tokens.ApiTokenView;
import com.peptalk.token.tokens.ApiTokens;
import com.peptalk.token.tokens.RevealedToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/** Projects admin: the list, and "View Procore Report" (the project's own token and iframe URL). */
@Controller
class ProjectPages {

    static final String LIST = "/admin/projects";
    static final int PAGE_SIZE = 25;

    record ProjectItem(long id, String name, String status, String companyName, String tokenPrefix) {
    }

    private final AdminQueries queries;
    private final ApiTokens tokens;

    ProjectPages(AdminQueries queries, ApiTokens tokens) {
        this.queries = queries;
        this.tokens = tokens;
    }

    @GetMapping(LIST)
    String list(@RequestParam(name = "company_id", required = false) Long companyId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort, Model model) {
        ListQuery query = ListQuery.of(companyId, page, sort);
        if (companyId != null && !queries.companyExists(companyId)) {
            throw new AdminPageNotFound("Company " + companyId + " does not exist.");
        }
        Slice<ProjectRow> slice = queries.projects(query, PAGE_SIZE);
        Map<Long, ApiTokenView> active = tokens.activeTokens(ApiTokenType.PROJECT,
                slice.items().stream().map(ProjectRow::id).toList());
        List<ProjectItem> projects = slice.items().stream().map(row -> new ProjectItem(row.id(), row.name(),
                row.status(), row.companyName(),
                active.containsKey(row.id()) ? active.get(row.id()).displayPrefix() : null)).toList();
        model.addAttribute("projects", projects);
        model.addAttribute("companies", queries.companies());
        model.addAttribute("query", query);
        model.addAttribute("pagination", Pagination.of(query, LIST, slice.totalItems(), PAGE_SIZE));
        return "admin/projects";
    }

    @GetMapping(LIST + "/{id}/procore_report")
    String procoreReport(@PathVariable long id, Model model) {
        ProjectRow project = queries.project(id)
                .orElseThrow(() -> new AdminPageNotFound("Project " + id + " does not exist."));
        model.addAttribute("project", project);
        model.addAttribute("token", activeToken(id));
        return "admin/project_procore_report";
    }

    private RevealedToken activeToken(long projectId) {
        try {
            return tokens.projectReport(projectId);
        }
        catch (NotFoundException ex) {
            return null;
        }
    }
}
