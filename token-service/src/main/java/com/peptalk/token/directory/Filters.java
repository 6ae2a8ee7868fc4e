package com.peptalk.token.directory;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The filters of a list request, made only of those the request actually sets (a blank text counts as unset), so
 * the SQL stays plain (no {@code :x is null or ...} tricks that defeat the planner), and the page of views they
 * select, ordered by id.
 */
final class Filters<T> {

    private Specification<T> where = Specification.unrestricted();

    /** Only rows whose {@code attribute} equals the value, when it is set. */
    Filters<T> equal(String attribute, Object value) {
        Object set = set(value);
        if (set != null) {
            where = where.and((root, query, cb) -> cb.equal(root.get(attribute), set));
        }
        return this;
    }

    /**
     * Only rows with the text, ignoring case, in one of the attributes. A substring search ({@code strpos}), not
     * {@code like}: a {@code %} or {@code _} in the text is just a character.
     */
    Filters<T> mentioning(Object text, String... attributes) {
        if (set(text) instanceof String needle) {
            where = where.and((root, query, cb) -> cb.or(Arrays.stream(attributes)
                    .map(attribute -> contains(cb, root, attribute, needle)).toArray(Predicate[]::new)));
        }
        return this;
    }

    /** Any other condition, when its value is set. */
    <V> Filters<T> with(V value, Function<V, Specification<T>> condition) {
        if (set(value) != null) {
            where = where.and(condition.apply(value));
        }
        return this;
    }

    /**
     * The requested page of views, with the total count. A page beyond what an {@code int} offset reaches (JPA's
     * first result) is beyond every row anyway: only its count is asked for.
     */
    <V> Page<V> page(JpaSpecificationExecutor<T> repository, PageRequest request,
            Function<T, V> view) {
        if (request.offset() > Integer.MAX_VALUE) {
            return Page.of(List.of(), request, repository.count(where));
        }
        org.springframework.data.domain.Page<T> page = repository.findAll(where,
                org.springframework.data.domain.PageRequest.of(request.page(), request.size(), Sort.by("id")));
        return Page.of(page.getContent().stream().map(view).toList(), request, page.getTotalElements());
    }

    private static <T> Predicate contains(CriteriaBuilder cb, Root<T> root, String attribute, String needle) {
        return cb.greaterThan(cb.locate(cb.lower(root.get(attribute)), cb.lower(cb.literal(needle))), 0);
    }

    private static Object set(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text.strip();
        }
        return value;
    }
}
