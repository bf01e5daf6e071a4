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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.app.api.OperatorIdentity;

/** Routes: state and statistics, lifecycle, live settings (docs/administration.md). */
@RestController
@RequestMapping("/api/admin/routes")
@Tag(name = "Routes", description = "Camel routes of the bus: state, statistics, start/stop, live settings")
public class RoutesAdminController {

    private final RouteAdministration routes;
    private final OperatorIdentity operators;

    public RoutesAdminController(RouteAdministration routes, OperatorIdentity operators) {
        this.routes = routes;
        this.operators = operators;
    }

    @GetMapping
    @Operation(summary = "List every route with its state, exchange counts, throughput, processing times,"
            + " last error and settings")
    public List<RouteView> list() {
        return routes.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One route")
    @ApiResponse(responseCode = "200", description = "the route")
    @ApiResponse(responseCode = "404", description = "no such route", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public RouteView one(@PathVariable String id) {
        return routes.one(id);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start (or resume) a route; clears a stored stop")
    @ApiResponse(responseCode = "200", description = "the route after the start")
    @ApiResponse(responseCode = "404", description = "no such route", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "409", description = "the route delivers a disabled channel, or it is a"
            + " single-active poller on a node that does not lead it (rule leader-only: call the leader)",
            content = @Content(schema = @Schema(implementation = ApiProblem.Body.class)))
    public RouteView start(@PathVariable String id, HttpServletRequest request) {
        return routes.start(id, operators.operator(request), operators.origin(request));
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop a route after its in-flight exchanges; it stays stopped after a restart")
    @ApiResponse(responseCode = "200", description = "the route after the stop")
    @ApiResponse(responseCode = "404", description = "no such route", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "409", description = "a single-active poller on a node that does not lead it"
            + " (rule leader-only: call the leader)", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public RouteView stop(@PathVariable String id, HttpServletRequest request) {
        return routes.stop(id, operators.operator(request), operators.origin(request));
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a route (a pause of the running bus; a restart resumes it)")
    @ApiResponse(responseCode = "200", description = "the route after the suspension")
    @ApiResponse(responseCode = "404", description = "no such route", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "409", description = "a single-active poller on a node that does not lead it"
            + " (rule leader-only: call the leader)", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public RouteView suspend(@PathVariable String id, HttpServletRequest request) {
        return routes.suspend(id, operators.operator(request), operators.origin(request));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a suspended route")
    @ApiResponse(responseCode = "200", description = "the route after the resumption")
    @ApiResponse(responseCode = "404", description = "no such route", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "409", description = "a single-active poller on a node that does not lead it"
            + " (rule leader-only: call the leader)", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public RouteView resume(@PathVariable String id, HttpServletRequest request) {
        return routes.resume(id, operators.operator(request), operators.origin(request));
    }

    @PutMapping("/{id}/settings")
    @Operation(summary = "Change a route's settings live (poll interval, retry policy, enabled channels,"
            + " a connector's endpoint URL and credentials reference);"
            + " stored, re-applied at every start, audited with before and after")
    @ApiResponse(responseCode = "200", description = "the route with its new settings in force")
    @ApiResponse(responseCode = "400", description = "a field broke a rule (field, rule named)", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "404", description = "no such route", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public RouteView settings(@PathVariable String id, @RequestBody(required = false) RouteSettingsRequest body,
                              HttpServletRequest request) {
        return routes.updateSettings(id, body, operators.operator(request), operators.origin(request));
    }
}
