package com.peptalk.iframe.procore;

import com.peptalk.iframe.procore.IframeRefused.Reason;
import com.peptalk.tokenclient.Introspection;
import com.peptalk.tokenclient.TokenIntrospectionClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a request may see, from its {@code api_token} and {@code project_id} (the seed's rules): a project token
 * shows its own project; a project-group token shows the group's project list, or one of the group's projects when
 * {@code project_id} names it. Anything else is refused with the page that says why.
 */
@Component
class IframeAccess {

    static final String PROJECT_TOKEN = "project";
    static final String PROJECT_GROUP_TOKEN = "project_group";

    /** A positive id that fits a {@code long}: at most 18 digits, no sign, no leading zero. */
    private static final Pattern PROJECT_ID = Pattern.compile("[1-9][0-9]{0,17}");

    /**
     * @param projectIds the projects the token may see
     * @param group whether the token is a project group's (which has a project list and "Switch project")
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
        if (PROJECT_TOKEN.equals(answer.apiTokenType())) {
            Long own = answer.resourceId();
            if (own == null || !answer.maySee(own)) {
                throw new IframeRefused(Reason.TOKEN_NOT_ACCEPTED);
            }
            if (requested != null && !requested.equals(own)) {
                throw new IframeRefused(Reason.PROJECT_NOT_ALLOWED);
            }
            return new Access(answer.projectIds(), false, own);
        }
        if (PROJECT_GROUP_TOKEN.equals(answer.apiTokenType())) {
            if (requested != null && !answer.maySee(requested)) {
                throw new IframeRefused(Reason.PROJECT_NOT_ALLOWED);
            }
            return new Access(answer.projectIds(), true, requested);
        }
        throw new IframeRefused(Reason.TOKEN_NOT_FOR_IFRAME);
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
