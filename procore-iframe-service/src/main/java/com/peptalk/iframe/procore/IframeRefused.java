package com.peptalk.iframe.procore;

import org.springframework.http.HttpStatus;

/**
 * A request the iframe refuses, with the status and the page to show. The texts are fixed here, never taken from
 * the request, so an error page cannot echo the token (or anything else) from the address.
 */
class IframeRefused extends RuntimeException {

    enum Reason {
        NO_TOKEN(HttpStatus.UNAUTHORIZED, "API token needed",
                "This page needs the API token of a Peptalk project or project group. Check the app's configuration "
                        + "in Procore."),
        TOKEN_NOT_ACCEPTED(HttpStatus.UNAUTHORIZED, "API token not accepted",
                "This API token is unknown, revoked or expired. Ask your Peptalk admin for the current token of the "
                        + "project or project group, and update the app's configuration in Procore."),
        MALFORMED_PROJECT_ID(HttpStatus.BAD_REQUEST, "Bad address",
                "The project id in the address must be a whole number, such as project_id=42."),
        TOKEN_NOT_FOR_IFRAME(HttpStatus.FORBIDDEN, "Wrong kind of API token",
                "The Procore app opens with the API token of a project (“View Procore Report”) or of a project "
                        + "group (“Open Procore”). This token is of another kind."),
        PROJECT_NOT_ALLOWED(HttpStatus.FORBIDDEN, "Project not available with this token",
                "This project is not one of the projects this API token may show."),
        UNKNOWN_PROJECT(HttpStatus.NOT_FOUND, "Project not found",
                "There is no data for this project here yet. If it was created a moment ago, try again shortly.");

        private final HttpStatus status;
        private final String title;
        private final String message;

        Reason(HttpStatus status, String title, String message) {
            this.status = status;
            this.title = title;
            this.message = message;
        }

        HttpStatus status() {
            return status;
        }

        String title() {
            return title;
        }

        String message() {
            return message;
        }
    }

    private final Reason reason;

    IframeRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
