package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.app.api.OperatorIdentity;

/** Queues and dead letters (docs/administration.md). */
@RestController
@RequestMapping("/api/admin/queues")
@Tag(name = "Queues", description = "Queue depths; dead letters browsed, retried or discarded with a reason")
public class QueuesAdminController {

    private final QueueAdministration queues;
    private final OperatorIdentity operators;

    public QueuesAdminController(QueueAdministration queues, OperatorIdentity operators) {
        this.queues = queues;
        this.operators = operators;
    }

    @GetMapping
    @Operation(summary = "Every bus queue and its dead-letter queue: messages waiting, consumers")
    @ApiResponse(responseCode = "200", description = "the queues")
    @ApiResponse(responseCode = "503", description = "the broker did not answer", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public List<QueueAdministration.QueueView> list() {
        return queues.list();
    }

    @GetMapping("/{queue}/messages")
    @Operation(summary = "A page of a dead-letter queue's messages, oldest first: id, headers, failure reason,"
            + " payload preview")
    @ApiResponse(responseCode = "200", description = "the page")
    @ApiResponse(responseCode = "400", description = "bad page/size, or a live queue", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "404", description = "no such dead-letter queue", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    public QueueAdministration.Page browse(@PathVariable String queue, @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return queues.browse(queue, page, size);
    }

    @GetMapping("/{queue}/messages/{id}")
    @Operation(summary = "One dead letter")
    @ApiResponse(responseCode = "200", description = "the message")
    @ApiResponse(responseCode = "400", description = "malformed id", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "404", description = "no such queue or message", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    public DeadLetterMessage one(@PathVariable String queue, @PathVariable String id) {
        return queues.one(queue, id);
    }

    @PostMapping("/{queue}/messages/{id}/retry")
    @Operation(summary = "Move one dead letter back to its original queue (one JMS transaction); audited RETRIED")
    @ApiResponse(responseCode = "200", description = "the message that was moved")
    @ApiResponse(responseCode = "404", description = "no such queue or message (already retried?)", content =
            @Content(schema = @Schema(implementation = ApiProblem.Body.class)))
    public DeadLetterMessage retry(@PathVariable String queue, @PathVariable String id, HttpServletRequest request) {
        return queues.retry(queue, id, operators.operator(request), operators.origin(request));
    }

    @PostMapping("/{queue}/retry-all")
    @Operation(summary = "Move every message now on a dead-letter queue back to its original queue; audited RETRIED")
    @ApiResponse(responseCode = "200", description = "how many were moved")
    @ApiResponse(responseCode = "404", description = "no such dead-letter queue", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    public QueueAdministration.RetryAllResult retryAll(@PathVariable String queue, HttpServletRequest request) {
        return queues.retryAll(queue, operators.operator(request), operators.origin(request));
    }

    /** Body: {@code {"reason": "…"}}. */
    public record DiscardRequest(String reason) {
    }

    @PostMapping("/{queue}/messages/{id}/discard")
    @Operation(summary = "Remove one dead letter for good, with a mandatory reason; audited DISCARDED with its payload")
    @ApiResponse(responseCode = "200", description = "the message that was removed")
    @ApiResponse(responseCode = "400", description = "no reason, or a reason too long", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "404", description = "no such queue or message", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    public DeadLetterMessage discard(@PathVariable String queue, @PathVariable String id,
                                     @RequestBody(required = false) DiscardRequest body, HttpServletRequest request) {
        return queues.discard(queue, id, body == null ? null : body.reason(), operators.operator(request),
                operators.origin(request));
    }
}
