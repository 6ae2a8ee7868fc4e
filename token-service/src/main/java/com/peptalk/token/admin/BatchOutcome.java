package com.peptalk.token.admin;

import java.util.List;
import java.util.stream.Collectors;

/** What the Project Groups batch action tells the admin on the page it redirects to. */
sealed interface BatchOutcome {

    /** The most groups one batch may name (the JSON API's limit too). */
    int MAX_SELECTION = 500;

    String message();

    boolean error();

    /** Tokens were generated for {@code created} groups; {@code skipped} groups already had one. */
    record Generated(int created, int skipped) implements BatchOutcome {

        @Override
        public String message() {
            String generated = created == 0 ? "Generated no API tokens"
                    : "Generated " + created + (created == 1 ? " API token" : " API tokens");
            return skipped == 0 ? generated + "."
                    : generated + "; skipped " + skipped + (skipped == 1 ? " group" : " groups")
                            + " that already had one.";
        }

        @Override
        public boolean error() {
            return false;
        }
    }

    record NothingSelected() implements BatchOutcome {

        @Override
        public String message() {
            return "Nothing was generated: select at least one project group, then choose “Generate API tokens”.";
        }

        @Override
        public boolean error() {
            return true;
        }
    }

    record NoAction() implements BatchOutcome {

        @Override
        public String message() {
            return "Nothing was changed: choose the batch action “Generate API tokens”, then submit.";
        }

        @Override
        public boolean error() {
            return true;
        }
    }

    record TooMany() implements BatchOutcome {

        @Override
        public String message() {
            return "Nothing was generated: select at most " + MAX_SELECTION + " project groups at a time.";
        }

        @Override
        public boolean error() {
            return true;
        }
    }

    /**
     * Some selected groups do not exist (deleted meanwhile, or a hand-made form), so the whole batch was refused.
     * Only the first {@link #NAMED} are named; {@code more} counts the rest.
     */
    record UnknownGroups(List<Long> ids, int more) implements BatchOutcome {

        static final int NAMED = 10;

        public UnknownGroups {
            ids = List.copyOf(ids);
        }

        static UnknownGroups of(List<Long> unknown) {
            return new UnknownGroups(unknown.stream().limit(NAMED).toList(), Math.max(0, unknown.size() - NAMED));
        }

        @Override
        public String message() {
            String named = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
            boolean one = ids.size() == 1 && more == 0;
            return "Nothing was generated: " + (one ? "project group " : "project groups ") + named
                    + (more > 0 ? " and " + more + " more" : "") + (one ? " does not exist" : " do not exist")
                    + ". Reload the list and select again.";
        }

        @Override
        public boolean error() {
            return true;
        }
    }
}
