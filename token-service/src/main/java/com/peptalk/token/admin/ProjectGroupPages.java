package com.peptalk.token.admin;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.token.admin.AdminQueries.GroupDetails;
import com.peptalk.token.admin.AdminQueries.GroupRow;
import com.peptalk.token.admin.AdminQueries.Slice;
import com.peptalk.token.refusals.NotFoundException;
import com.peptalk.token.refusals.UnknownIdsException;
import com.peptalk.token.tokens.ApiTokenView;
import com.peptalk.token.tokens.ApiTokens;
import com.peptalk.token.tokens.GenerateTokensResult;
import com.peptalk.token.tokens.RevealedToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Project Groups admin, as the integration guide describes it: the list with its checkboxes and the batch action
 * "Generate API tokens" (groups without a token get one, the others are skipped), and "Open Procore" for a group
 * that has a token.
 */
@Controller
class ProjectGroupPages {

    static final String LIST = "/admin/project_groups";
    static final String GENERATE_API_TOKENS = "generate_api_tokens";
    static final int PAGE_SIZE = 25;

    /** A row of the list: the group and what may be shown of its token (its display prefix), if it has one. */
    record GroupItem(long id, String name, String companyName, int projectCount, String tokenPrefix) {
    }

    private final AdminQueries queries;
    private final ApiTokens tokens;
    private final NoticeCodec notices;

    ProjectGroupPages(AdminQueries queries, ApiTokens tokens, NoticeCodec notices) {
        this.queries = queries;
        this.tokens = tokens;
        this.notices = notices;
    }

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:" + LIST;
    }

    @GetMapping(LIST)
    String list(@RequestParam(name = "company_id", required = false) Long companyId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String notice, Model model) {
        ListQuery query = ListQuery.of(companyId, page, sort);
        if (companyId != null && !queries.companyExists(companyId)) {
            throw new AdminPageNotFound("Company " + companyId + " does not exist.");
        }
        Slice<GroupRow> slice = queries.groups(query, PAGE_SIZE);
        Map<Long, ApiTokenView> active = tokens.activeTokens(ApiTokenType.PROJECT_GROUP,
                slice.items().stream().map(GroupRow::id).toList());
        List<GroupItem> groups = slice.items().stream().map(row -> new GroupItem(row.id(), row.name(),
                row.companyName(), row.projectCount(),
                active.containsKey(row.id()) ? active.get(row.id()).displayPrefix() : null)).toList();
        model.addAttribute("groups", groups);
        model.addAttribute("companies", queries.companies());
        model.addAttribute("query", query);
        model.addAttribute("pagination", Pagination.of(query, LIST, slice.totalItems(), PAGE_SIZE));
        model.addAttribute("notice", notices.decode(notice).orElse(null));
        return "admin/project_groups";
    }

    /**
     * The batch action. Whatever happens, the admin is sent back to the list (Post/Redirect/Get, 303) with the
     * outcome in a signed {@code notice} parameter, so reloading the page never generates twice.
     */
    @PostMapping(LIST + "/batch_action")
    ResponseEntity<Void> batchAction(@RequestParam(name = "batch_action", required = false) String action,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(name = "company_id", required = false) String companyId,
            @RequestParam(required = false) String page, @RequestParam(required = false) String sort,
            @RequestHeader(name = "Sec-Fetch-Site", required = false) String fetchSite) {
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            throw new CrossSiteRequestRefused();
        }
        BatchOutcome outcome = run(action, ids == null ? List.of()
                : ids.stream().filter(Objects::nonNull).distinct().toList());
        ListQuery back = ListQuery.lenient(companyId, page, sort);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(back.builder(LIST, back.page()).queryParam("notice", notices.encode(outcome)).build()
                        .toUri())
                .build();
    }

    /** Someone reloaded or bookmarked the action's address: there is nothing to show there but the list. */
    @GetMapping(LIST + "/batch_action")
    String batchActionByGet() {
        return "redirect:" + LIST;
    }

    @GetMapping(LIST + "/{id}/procore")
    String openProcore(@PathVariable long id, Model model) {
        GroupDetails group = queries.group(id)
                .orElseThrow(() -> new AdminPageNotFound("Project group " + id + " does not exist."));
        model.addAttribute("group", group);
        model.addAttribute("token", activeToken(id));
        return "admin/project_group_procore";
    }

    private BatchOutcome run(String action, List<Long> selected) {
        if (selected.isEmpty()) {
            return new BatchOutcome.NothingSelected();
        }
        if (!GENERATE_API_TOKENS.equals(action)) {
            return new BatchOutcome.NoAction();
        }
        if (selected.size() > BatchOutcome.MAX_SELECTION) {
            return new BatchOutcome.TooMany();
        }
        try {
            GenerateTokensResult result = tokens.generateForProjectGroups(selected);
            return new BatchOutcome.Generated(result.created().size(), result.skipped().size());
        }
        catch (UnknownIdsException ex) {
            return BatchOutcome.UnknownGroups.of(ex.unknownIds());
        }
    }

    /** The group's token, or {@code null} when it has none (the group itself is known to exist). */
    private RevealedToken activeToken(long groupId) {
        try {
            return tokens.openProcore(groupId);
        }
        catch (NotFoundException ex) {
            return null;
        }
    }
}
