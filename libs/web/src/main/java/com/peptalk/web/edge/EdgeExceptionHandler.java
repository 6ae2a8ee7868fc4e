package com.peptalk.web.edge;

import com.peptalk.web.logging.SecretMask;
import com.peptalk.web.problem.ProblemType;
import com.peptalk.web.problem.Problems.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last word on every exception a handler throws, in every servlet service, ordered after each service's own
 * advice (which maps its domain exceptions and must be ordered before {@link #ORDER}) and before Boot's
 * {@code ProblemDetailsExceptionHandler} (order 0), should {@code spring.mvc.problemdetails.enabled} be set. Each one becomes an {@link EdgeError} with a status from the
 * {@link ProblemType} catalogue and a text of our own naming the field at fault, and is answered by
 * {@link EdgeErrorController}: problem JSON on API routes, a page on page routes. Only what is left over is a 500,
 * logged with its stack trace (through the log backstop).
 */
@ControllerAdvice
@Order(EdgeExceptionHandler.ORDER)
class EdgeExceptionHandler {

    /** Services' own advices come first (a smaller order); Boot's problem-details advice (0) never gets a turn. */
    static final int ORDER = -1;

    private static final Logger log = LoggerFactory.getLogger(EdgeExceptionHandler.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    void invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage()))).toList();
        List<FieldError> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage())))
                .toList();
        invalid(concat(errors, global)).send(request, response);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    void invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        String.valueOf(result.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        invalid(errors).send(request, response);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    void constraintViolation(ConstraintViolationException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        invalid(ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .toList()).send(request, response);
    }

    @ExceptionHandler(TypeMismatchException.class)
    void typeMismatch(TypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(ex.getPropertyName());
        EdgeError.field(ProblemType.VALIDATION, name, "must be " + expected(requiredType(ex)))
                .send(request, response);
    }

    /** What the parameter holds: for an {@code Optional<T>} handler parameter, {@code T}, not {@code Optional}. */
    static Class<?> requiredType(TypeMismatchException ex) {
        return ex instanceof MethodArgumentTypeMismatchException argument
                ? argument.getParameter().nestedIfOptional().getNestedParameterType() : ex.getRequiredType();
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        EdgeError.field(ProblemType.VALIDATION, ex.getParameterName(), "is required").send(request, response);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    void missingHeader(MissingRequestHeaderException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        EdgeError.field(ProblemType.VALIDATION, ex.getHeaderName(), "header is required").send(request, response);
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    void binding(ServletRequestBindingException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        new EdgeError(ProblemType.VALIDATION, "a required part of the request is missing or malformed")
                .send(request, response);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (causedBy(ex, PayloadTooLargeException.class).isPresent()) {
            tooLarge(request, response);
            return;
        }
        unreadableBody(ex).send(request, response);
    }

    @ExceptionHandler({ PayloadTooLargeException.class, MaxUploadSizeExceededException.class })
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        new EdgeError(ProblemType.TOO_LARGE, "the body is larger than this service accepts").send(request, response);
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    void malformedMultipart(HttpServletRequest request, HttpServletResponse response) throws IOException {
        new EdgeError(ProblemType.MALFORMED, "the multipart body is malformed").send(request, response);
    }

    @ExceptionHandler(InvalidParameterException.class)
    void invalidParameter(InvalidParameterException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // the container's message quotes the raw parameter, which may be a secret: never passed on, never logged
        if (ex.getErrorCode() == 413) {
            tooLarge(request, response);
            return;
        }
        new EdgeError(ProblemType.VALIDATION, "the parameters of the request are malformed")
                .send(request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (ex.getSupportedHttpMethods() != null && !ex.getSupportedHttpMethods().isEmpty()) {
            response.setHeader("Allow", String.join(", ", ex.getSupportedHttpMethods().stream()
                    .map(Object::toString).toList()));
        }
        new EdgeError(ProblemType.METHOD_NOT_ALLOWED, "this address does not support the request's method")
                .send(request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!ex.getSupportedMediaTypes().isEmpty()) {
            response.setHeader("Accept", String.join(", ", ex.getSupportedMediaTypes().stream()
                    .map(Object::toString).toList()));
        }
        new EdgeError(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body's Content-Type is not one this address reads"
                + (ex.getSupportedMediaTypes().isEmpty() ? "" : " (it reads " + ex.getSupportedMediaTypes() + ")"))
                .send(request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        new EdgeError(ProblemType.NOT_ACCEPTABLE, "the answer cannot be given in a media type the Accept header "
                + "allows").send(request, response);
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        new EdgeError(ProblemType.NOT_FOUND, "there is nothing at this address").send(request, response);
    }

    @ExceptionHandler(org.springframework.web.ErrorResponseException.class)
    void errorResponse(org.springframework.web.ErrorResponseException ex, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        int status = ex.getStatusCode().value();
        if (status >= 500) {
            log.error("request failed", ex);
        }
        ProblemType type = ProblemType.forStatus(status);
        new EdgeError(status, type, status >= 500 ? "something went wrong on our side; it has been logged"
                : "the request cannot be processed", List.of()).send(request, response);
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (causedBy(ex, PayloadTooLargeException.class).isPresent()) {
            tooLarge(request, response);
            return;
        }
        if (ex instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            int status = known.getStatusCode().value();
            new EdgeError(status, ProblemType.forStatus(status), "the request cannot be processed", List.of())
                    .send(request, response);
            return;
        }
        log.error("request failed", ex);
        new EdgeError(ProblemType.INTERNAL, "something went wrong on our side; it has been logged")
                .send(request, response);
    }

    /** The field and the reason a body could not be read, in our words (Jackson's messages quote the input). */
    static EdgeError unreadableBody(HttpMessageNotReadableException ex) {
        Optional<JacksonException> jackson = causedBy(ex, JacksonException.class);
        if (jackson.isEmpty()) {
            return new EdgeError(ProblemType.MALFORMED, ex.getMessage() != null && ex.getMessage()
                    .startsWith("Required request body is missing") ? "the request body is missing"
                    : "the body is not valid JSON of the expected shape");
        }
        JacksonException failure = jackson.get();
        String field = SecretMask.mask(path(failure));
        if (field.length() > 100) {
            field = field.substring(0, 100) + "…";
        }
        String reason = reason(failure);
        if (field.isEmpty()) {
            return new EdgeError(ProblemType.MALFORMED, "the body is not valid JSON of the expected shape: " + reason);
        }
        return new EdgeError(ProblemType.MALFORMED, field + " " + reason, List.of(new FieldError(field, reason)));
    }

    private static String reason(JacksonException failure) {
        if (failure instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (failure instanceof InputCoercionException) {
            return "is out of range";
        }
        if (failure instanceof ValueInstantiationException) {
            return "has an invalid value";
        }
        if (failure instanceof MismatchedInputException mismatch) {
            String message = String.valueOf(failure.getOriginalMessage());
            if (message.contains("must not contain control characters")) {
                return "must not contain control characters";
            }
            if (message.contains("Duplicate")) {
                return "appears twice";
            }
            return "must be " + expected(mismatch.getTargetType());
        }
        if (failure instanceof StreamReadException read) {
            String message = String.valueOf(read.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                return "appears twice";
            }
            if (message.contains("out of range") || message.contains("Numeric value")) {
                return "is out of range";
            }
            return read.getLocation() == null ? "is not valid JSON" : "is not valid JSON (line "
                    + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ")";
        }
        return "has an invalid value";
    }

    /** The JSON path of the value, such as {@code startDate} or {@code projectIds[2]}; empty for the document. */
    private static String path(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of this type looks like, in words a caller understands. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text (a JSON string)";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601)";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static EdgeError invalid(List<FieldError> errors) {
        return new EdgeError(ProblemType.VALIDATION, errors.isEmpty() ? "the request is invalid"
                : "invalid fields: " + errors.stream().map(FieldError::field).distinct().toList(), errors);
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    static <T extends Throwable> Optional<T> causedBy(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
