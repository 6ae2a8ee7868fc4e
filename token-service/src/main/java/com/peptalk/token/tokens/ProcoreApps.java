package com.peptalk.token.tokens;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.tokencontracts.ProcoreApp;

/**
 * Which tokens open the Procore app, and on what (the seed's "View Procore Report" and "Open Procore"): a project's
 * token on its project's dashboard, a project group's on the group's project list. Company, user and kiosk tokens do
 * not open it. The introspection answer states the outcome, so the app only reads it.
 */
final class ProcoreApps {

    /** How the app opens with an active token of {@code type} for {@code resourceId}; null when it does not. */
    static ProcoreApp opening(ApiTokenType type, long resourceId) {
        return switch (type) {
            case PROJECT -> ProcoreApp.project(resourceId);
            case PROJECT_GROUP -> ProcoreApp.projectList();
            case COMPANY, USER, KIOSK -> null;
        };
    }

    private ProcoreApps() {
    }
}
