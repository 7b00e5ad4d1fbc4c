package dev.ferry.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that leaves a resource into one RFC 9457 problem. Client errors are answered and logged at
 * DEBUG; only unexpected failures are logged, once, at ERROR with the request id the caller sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        LOG.debugf("refused %s: %s", uri.getPath(), e.getMessage());
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        com.fasterxml.jackson.core.JsonParseException.class,
        com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class
    })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON";
        List<Problem.FieldError> errors = List.of();
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "'";
            errors = List.of(new Problem.FieldError(pathOf(u), "is not a known field"));
        } else if (e instanceof InvalidFormatException f) {
            detail = "Field '" + pathOf(f) + "' has a value of the wrong type or format";
            errors = List.of(new Problem.FieldError(pathOf(f), "has the wrong type or format"));
        } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            detail = "Field '" + pathOf(m) + "' could not be read";
            errors = List.of(new Problem.FieldError(pathOf(m), "could not be read"));
        }
        Problem problem = new ProblemException(ProblemType.MALFORMED_REQUEST, detail, errors).toProblem(uri.getPath());
        return respond(problem);
    }

    /**
     * A form body with a broken percent escape fails while it is read, before any resource runs, with the JDK's
     * URLDecoder complaint: that is the sender's error. Any other IllegalArgumentException stays unexpected.
     */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, UriInfo uri) {
        if (e.getMessage() == null || !e.getMessage().startsWith("URLDecoder:")) {
            return unexpected(e, uri);
        }
        return respond(new ProblemException(
                        ProblemType.MALFORMED_REQUEST, "The form body is not valid application/x-www-form-urlencoded")
                .toProblem(uri.getPath()));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(Exception e, UriInfo uri) {
        return respond(new ProblemException(
                        ProblemType.STALE_VERSION, "The resource was changed by another request; reload it and retry")
                .toProblem(uri.getPath()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(Exception e, UriInfo uri) {
        return respond(new ProblemException(ProblemType.UNAUTHENTICATED, "Sign in or send a bearer token")
                .toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new ProblemException(ProblemType.FORBIDDEN, "Your roles do not allow this operation")
                .toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            Response wrong = wrongQueryParameter(e.getCause(), uri);
            if (wrong != null) {
                return wrong;
            }
        }
        ProblemType type = typeFor(status);
        String detail = type == ProblemType.NOT_FOUND ? "No resource at " + uri.getPath() : type.title();
        if (type == ProblemType.MALFORMED_REQUEST && e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Problem p =
                new Problem(type.uri(), type.title(), status, detail, uri.getPath(), List.of(), new LinkedHashMap<>());
        return Response.fromResponse(e.getResponse())
                .status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(p)
                .build();
    }

    /**
     * JAX-RS answers a query parameter it cannot convert (limit=abc) with a 404 carrying the conversion failure; to
     * the client that read as "no such resource". It is a 400 naming the parameter, found by its value. A path
     * segment that does not convert still answers 404: there is no resource at that path.
     */
    private static Response wrongQueryParameter(Throwable cause, UriInfo uri) {
        String value = null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"")
                .matcher(cause.getMessage() == null ? "" : cause.getMessage());
        if (m.find()) {
            value = m.group(1);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (value != null) {
            for (var param : uri.getQueryParameters().entrySet()) {
                if (param.getValue().contains(value)) {
                    errors.add(new Problem.FieldError(param.getKey(), "has a value of the wrong type", value));
                }
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        String detail = errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", "))
                + ": has a value of the wrong type";
        return respond(new ProblemException(ProblemType.VALIDATION, detail, errors).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        LOG.errorf(e, "FERRY-500 unexpected failure on %s (request %s)", uri.getPath(), requestId);
        String detail = "The request failed unexpectedly. Quote request id " + requestId + " when reporting it.";
        return respond(new ProblemException(ProblemType.INTERNAL, detail).toProblem(uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static ProblemType typeFor(int status) {
        return switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemType.RATE_LIMITED;
            default -> ProblemType.UNPROCESSABLE;
        };
    }

    /** The property path without the resource method and parameter names: {@code body.name} becomes {@code name}. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {}
                case PARAMETER -> {
                    // a query or path parameter is named by itself; a body is named by its fields
                }
                case CONTAINER_ELEMENT -> {
                    // an element of a list: events[0], not events.<list element>
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        int last = parts.size() - 1;
                        String index = "[" + node.getIndex() + "]";
                        if (!parts.get(last).endsWith(index)) {
                            parts.set(last, parts.get(last) + index);
                        }
                    } else if (node.getName() != null && !node.getName().startsWith("<")) {
                        parts.add(node.getName());
                    }
                }
                default ->
                    parts.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (parts.isEmpty()) {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                    return node.getName();
                }
            }
        }
        return String.join(".", parts);
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
