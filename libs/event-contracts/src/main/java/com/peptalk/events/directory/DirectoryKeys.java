package com.peptalk.events.directory;

/**
 * Record keys of {@code directory.events}: the resource type and id, so that one resource's events stay in
 * order while different resource types with the same numeric id do not collide.
 */
public final class DirectoryKeys {

    public static String company(long id) {
        return "company:" + id;
    }

    public static String project(long id) {
        return "project:" + id;
    }

    public static String projectGroup(long id) {
        return "project-group:" + id;
    }

    public static String user(long id) {
        return "user:" + id;
    }

    private DirectoryKeys() {
    }
}
