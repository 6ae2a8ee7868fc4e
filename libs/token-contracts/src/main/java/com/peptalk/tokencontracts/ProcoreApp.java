package com.peptalk.tokencontracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the Procore app (the iframe) opens with a token, as token-service decides it (the seed's rules): a project's
 * token on that project's dashboard ("View Procore Report": {@code {"opens": "project", "projectId": 42}}); a project
 * group's on the group's project list, from which the app may open any of the answer's {@code projectIds} ("Open
 * Procore": {@code {"opens": "project_list"}}). A token of another kind does not open the app, and its answer has no
 * {@code procoreApp}.
 *
 * @param opens what the app shows first
 * @param projectId the project it shows, for {@link Opens#PROJECT}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcoreApp(Opens opens, Long projectId) {

    public enum Opens {
        /** One project's dashboard, and only that project. */
        @JsonProperty("project")
        PROJECT,
        /** A list of the answer's projects, each of which can be opened (with "Switch project" back). */
        @JsonProperty("project_list")
        PROJECT_LIST
    }

    public static ProcoreApp project(long projectId) {
        return new ProcoreApp(Opens.PROJECT, projectId);
    }

    public static ProcoreApp projectList() {
        return new ProcoreApp(Opens.PROJECT_LIST, null);
    }

    /** Whether the app shows a list of projects to choose from (and "Switch project" on a project's page). */
    public boolean listsProjects() {
        return opens == Opens.PROJECT_LIST;
    }
}
