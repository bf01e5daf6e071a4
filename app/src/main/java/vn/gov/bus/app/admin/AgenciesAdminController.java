package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.app.api.OperatorIdentity;

/** The agency directory (docs/administration.md). */
@RestController
@RequestMapping("/api/admin/agencies")
@Tag(name = "Agencies", description = "The agency directory: search, create, edit, register with the national axis")
public class AgenciesAdminController {

    private final AgencyAdministration agencies;
    private final OperatorIdentity operators;

    public AgenciesAdminController(AgencyAdministration agencies, OperatorIdentity operators) {
        this.agencies = agencies;
        this.operators = operators;
    }

    @GetMapping
    @Operation(summary = "Search agencies by code prefix or name fragment (case-insensitive) and channel, by code")
    @ApiResponse(responseCode = "200", description = "a page of agencies")
    @ApiResponse(responseCode = "400", description = "bad channel, page or size", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    public AgencyAdministration.Page search(@RequestParam(required = false) String q,
                                            @RequestParam(required = false) String channel,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        return agencies.search(q, channel, page, size);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One agency (the token only as tokenSet)")
    @ApiResponse(responseCode = "200", description = "the agency")
    @ApiResponse(responseCode = "404", description = "no such agency", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public AgencyView one(@PathVariable String code) {
        return agencies.one(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an agency (code of shape LLL.LL.LL.XNN, name, channel required); audited")
    @ApiResponse(responseCode = "201", description = "the agency created")
    @ApiResponse(responseCode = "400", description = "a field broke a rule", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "409", description = "the code exists", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public AgencyView create(@RequestBody(required = false) AgencyRequest body, HttpServletRequest request) {
        return agencies.create(body, operators.operator(request), operators.origin(request));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Edit an agency's name, channel, mail, hub token, signature policy, parent; audited"
            + " before/after (without the token)")
    @ApiResponse(responseCode = "200", description = "the agency after the edit")
    @ApiResponse(responseCode = "400", description = "a field broke a rule", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "404", description = "no such agency", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    public AgencyView update(@PathVariable String code, @RequestBody(required = false) AgencyRequest body,
                             HttpServletRequest request) {
        return agencies.update(code, body, operators.operator(request), operators.origin(request));
    }

    @PostMapping("/{code}/register")
    @Operation(summary = "Register a local agency with the national axis (/registerAgency); audited")
    @ApiResponse(responseCode = "200", description = "the axis's directory entry")
    @ApiResponse(responseCode = "404", description = "no such agency", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "409", description = "not a local agency, or the axis refused (e.g."
            + " AGENCY_CONFLICT: the code belongs to another system)", content = @Content(schema = @Schema(
            implementation = ApiProblem.Body.class)))
    @ApiResponse(responseCode = "502", description = "the axis could not be reached", content = @Content(
            schema = @Schema(implementation = ApiProblem.Body.class)))
    public AgencyAdministration.Registration register(@PathVariable String code, HttpServletRequest request) {
        return agencies.register(code, operators.operator(request), operators.origin(request));
    }
}
