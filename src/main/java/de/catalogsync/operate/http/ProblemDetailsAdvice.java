package de.catalogsync.operate.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import de.catalogsync.operate.NoSuchRunException;
import de.catalogsync.operate.UsageException;
import de.catalogsync.sources.SourceConfigurationException;
import de.catalogsync.sources.SourceReadException;

/** Errors as RFC 9457 problem details; never a stack trace. Framework errors (413, 400, ...) come from the base class. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NoSuchRunException.class)
    ProblemDetail noSuchRun(NoSuchRunException e) {
        return problem(HttpStatus.NOT_FOUND, "No such run", e.getMessage());
    }

    @ExceptionHandler(UsageException.class)
    ProblemDetail usage(UsageException e) {
        return problem(HttpStatus.BAD_REQUEST, "Request cannot be carried out", e.getMessage());
    }

    @ExceptionHandler({SourceReadException.class, SourceConfigurationException.class})
    ProblemDetail unreadable(RuntimeException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The file cannot be read", e.getMessage());
    }

    @ExceptionHandler({JobExecutionAlreadyRunningException.class, JobInstanceAlreadyCompleteException.class})
    ProblemDetail conflict(Exception e) {
        return problem(HttpStatus.CONFLICT, "Run conflict", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request failed; the server log has the details.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
