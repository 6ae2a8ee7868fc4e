package com.peptalk.token.directory;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.token.tokens.TokenOwners;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The directory's answers about the resources tokens belong to (the tokens feature does not read its tables). */
@Component
class TokenOwnersInDirectory implements TokenOwners {

    private final CompanyRepository companies;
    private final ProjectRepository projects;
    private final ProjectGroupRepository groups;
    private final UserRepository users;

    TokenOwnersInDirectory(CompanyRepository companies, ProjectRepository projects, ProjectGroupRepository groups,
            UserRepository users) {
        this.companies = companies;
        this.projects = projects;
        this.groups = groups;
        this.users = users;
    }

    @Override
    public Map<Long, Long> lockProjectGroups(Collection<Long> ids) {
        Map<Long, Long> companyOfGroup = new TreeMap<>();
        groups.findForUpdateByIdInOrderById(ids).forEach(group -> companyOfGroup.put(group.id(), group.companyId()));
        return companyOfGroup;
    }

    @Override
    public Optional<Long> activeCompanyOf(ApiTokenType kind, long resourceId) {
        return switch (kind) {
            case COMPANY -> companies.findByIdAndStatus(resourceId, "active").map(Company::id);
            case USER -> users.findByIdAndStatus(resourceId, "active").map(User::companyId);
            // a kiosk's token belongs to the company of the kiosk's project (resourceId: the project)
            case PROJECT -> projects.findById(resourceId).filter(project -> !project.archived())
                    .map(Project::companyId);
            default -> throw new IllegalArgumentException("not a company, user or project: " + kind);
        };
    }

    @Override
    public boolean exists(ApiTokenType kind, long resourceId) {
        return switch (kind) {
            case PROJECT -> projects.existsById(resourceId);
            case PROJECT_GROUP -> groups.existsById(resourceId);
            case COMPANY -> companies.existsById(resourceId);
            case USER -> users.existsById(resourceId);
            default -> throw new IllegalArgumentException("not a directory resource: " + kind);
        };
    }
}
