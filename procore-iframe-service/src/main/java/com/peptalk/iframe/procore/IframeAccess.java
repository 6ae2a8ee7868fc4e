package com.peptalk.iframe.procore;

import com.peptalk.iframe.procore.IframeRefused.Reason;
import com.peptalk.tokenclient.TokenIntrospectionClient;
import com.peptalk.tokencontracts.Introspection;
import com.peptalk.tokencontracts.ProcoreApp;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a request may see, from its {@code api_token} and {@code project_id}, as token-service's introspection answer
 * states it (the rules of which token sees what are token-service's): the app opens as the answer's {@code procoreApp}
 * says (one project's dashboard, or a project list from which {@code project_id} picks one of the answer's
 * projects); a token whose answer has no {@code procoreApp} does not open the app. Anything else is refused with the
 * page that says why.
 */
@Component
class IframeAccess {

    /** A positive id that fits a {@code long}: at most 18 digits, no sign, no leading zero. */
    private static final Pattern PROJECT_ID = Pattern.compile("[1-9][0-9]{0,17}");

    /**
     * @param projectIds the projects the token may see
     * @param group whether the app has a project list for the token (and so "Switch project")
     * @param projectId the project to show, or null for the group's project list
     */
    record Access(List<Long> projectIds, boolean group, Long projectId) {

        boolean projectList() {
            return projectId == null;
        }
    }

    private final TokenIntrospectionClient tokens;

    IframeAccess(TokenIntrospectionClient tokens) {
        this.tokens = tokens;
    }

    /**
     * Cheap checks first (a token is there, the project id is well-formed), then token-service (cached).
     *
     * @throws IframeRefused with the reason to show
     * @throws com.peptalk.tokenclient.TokenServiceUnavailableException when token-service cannot answer and no
     *     cached answer exists
     */
    Access check(String token, String projectIdParameter) {
        if (token == null || token.isBlank()) {
            throw new IframeRefused(Reason.NO_TOKEN);
        }
        Long requested = projectId(projectIdParameter);
        Introspection answer = tokens.introspect(token);
        if (!answer.active()) {
            throw new IframeRefused(Reason.TOKEN_NOT_ACCEPTED);
        }
        ProcoreApp app = answer.procoreApp();
        if (app == null) {
            throw new IframeRefused(Reason.TOKEN_NOT_FOR_IFRAME);
        }
        if (app.listsProjects()) {
            if (requested != null && !answer.maySee(requested)) {
                throw new IframeRefused(Reason.PROJECT_NOT_ALLOWED);
            }
            return new Access(answer.projectIds(), true, requested);
        }
        Long own = app.projectId();
        if (own == null || !answer.maySee(own)) {
            throw new IframeRefused(Reason.TOKEN_NOT_ACCEPTED);
        }
        if (requested != null && !requested.equals(own)) {
            throw new IframeRefused(Reason.PROJECT_NOT_ALLOWED);
        }
        return new Access(answer.projectIds(), false, own);
    }

    private static Long projectId(String parameter) {
        if (parameter == null) {
            return null;
        }
        if (!PROJECT_ID.matcher(parameter).matches()) {
            throw new IframeRefused(Reason.MALFORMED_PROJECT_ID);
        }
        return Long.parseLong(parameter);
    }
}
