package com.peptalk.token.directory;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The where clause of a list query, made only of the filters the request actually sets, so the SQL stays plain
 * (no {@code :x is null or ...} tricks that defeat the planner and need casts for untyped nulls).
 */
final class Filters {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code condition} (which uses {@code :name}) when the value is set; a blank text counts as unset. */
    Filters with(String condition, String name, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return this;
        }
        conditions.add(condition);
        params.put(name, value instanceof String text ? text.strip() : value);
        return this;
    }

    /** A page of {@code select columns from table <where> order by id}, with the total count. */
    <T> Page<T> page(JdbcClient jdbc, String columns, String table, PageRequest request, RowMapper<T> rows) {
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from " + table + where).params(params).query(Long.class).single();
        List<T> items = jdbc.sql("select " + columns + " from " + table + where
                        + " order by id limit :pageLimit offset :pageOffset")
                .params(params).param("pageLimit", request.size()).param("pageOffset", request.offset())
                .query(rows).list();
        return Page.of(items, request, total);
    }
}
