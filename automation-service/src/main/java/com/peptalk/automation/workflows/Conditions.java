package com.peptalk.automation.workflows;

import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import java.util.Map;
import java.util.Optional;

/**
 * Trigger conditions: Spring Expression Language over the trigger's payload, such as
 * {@code downMinutes >= 10 and previous == 'ONLINE'}. Evaluated in a {@link SimpleEvaluationContext} that reads map
 * entries and nothing else: no types ({@code T(...)}), no constructors, no bean references, no method calls, no
 * assignment. A kept parser (SpEL), never a full {@code StandardEvaluationContext} on input a user wrote.
 */
public final class Conditions {

    static final int MAX_LENGTH = 500;

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final SimpleEvaluationContext CONTEXT = SimpleEvaluationContext
            .forPropertyAccessors(new MapAccessor(false)).build();

    /** Why the condition does not parse (with its position), or empty when it does. */
    static Optional<String> problem(String condition) {
        if (condition.length() > MAX_LENGTH) {
            return Optional.of("at most " + MAX_LENGTH + " characters");
        }
        try {
            PARSER.parseExpression(condition);
            return Optional.empty();
        }
        catch (ParseException ex) {
            return Optional.of("does not parse at position " + Math.max(ex.getPosition(), 0) + " (Spring Expression "
                    + "Language over the payload, e.g. downMinutes >= 10)");
        }
    }

    /**
     * Whether the payload meets the condition (true when there is none). A condition that reads a field the payload
     * lacks, or that is not true/false, is not met; the run records why.
     */
    public static Outcome evaluate(String condition, Map<String, Object> payload) {
        if (condition == null || condition.isBlank()) {
            return Outcome.MET;
        }
        try {
            Expression expression = PARSER.parseExpression(condition);
            return Boolean.TRUE.equals(expression.getValue(CONTEXT, payload, Boolean.class)) ? Outcome.MET : Outcome.NOT_MET;
        }
        catch (ParseException | EvaluationException ex) {
            return Outcome.NOT_EVALUABLE;
        }
    }

    /** What a condition said of a payload. */
    public enum Outcome {
        MET, NOT_MET, NOT_EVALUABLE
    }

    private Conditions() {
    }
}
