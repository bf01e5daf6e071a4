package vn.gov.bus.routes.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.registry.Enterprise;
import vn.gov.bus.connectors.registry.EnterpriseNotFoundException;
import vn.gov.bus.connectors.registry.LookupAnswer;
import vn.gov.bus.connectors.registry.LookupRequest;

/**
 * An enrichment step any route can use: the message names an enterprise by tax code — header
 * {@link EnterpriseHeaders#TAX_CODE}, or field {@code taxCode} of a dossier given as a map (JSON
 * object) — and leaves with the registry's data: the {@code BusEnterprise*} headers, and for a
 * dossier map a copy with field {@code enterprise} added.
 * <ul>
 *   <li>an unknown code is not an error of the message: {@code BusEnterpriseLookup=NOT_FOUND},
 *       no data;</li>
 *   <li>a malformed code throws {@code InvalidEnterpriseCodeException} (not worth retrying);</li>
 *   <li>registry down with nothing cached throws {@code RegistryUnavailableException} (worth
 *       retrying later: the route's redelivery decides);</li>
 *   <li>the registry refusing the bus's credentials with nothing cached throws
 *       {@code RegistryAccessRefusedException} (retried in the same way: it succeeds once an
 *       administrator has corrected the credentials);</li>
 *   <li>the registry rejecting the request as invalid (INVALID_REQUEST) with nothing cached throws
 *       {@code RegistryRequestRejectedException} (a defect to report: retrying sends the same request).</li>
 * </ul>
 * Usage: {@code from(...).process(enterpriseEnricher).to(...)}; the audit names the route.
 */
@Component
public class EnterpriseEnricher implements Processor {

    public static final String DOSSIER_FIELD = "taxCode";
    public static final String DOSSIER_ENTERPRISE = "enterprise";

    private final EnterpriseLookupService lookups;

    public EnterpriseEnricher(EnterpriseLookupService lookups) {
        this.lookups = lookups;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String code = message.getHeader(EnterpriseHeaders.TAX_CODE, String.class);
        String field = EnterpriseHeaders.TAX_CODE;
        Map<?, ?> dossier = message.getBody() instanceof Map<?, ?> map ? map : null;
        if (code == null && dossier != null && dossier.get(DOSSIER_FIELD) != null) {
            code = String.valueOf(dossier.get(DOSSIER_FIELD));
            field = DOSSIER_FIELD;
        }
        String caller = "route:" + (exchange.getFromRouteId() == null ? "unknown" : exchange.getFromRouteId());
        LookupAnswer answer;
        try {
            answer = lookups.lookup(new LookupRequest(caller, null, field, code));
        } catch (EnterpriseNotFoundException notFound) {
            message.setHeader(EnterpriseHeaders.LOOKUP, EnterpriseHeaders.NOT_FOUND);
            return;
        }
        Enterprise e = answer.enterprise();
        message.setHeader(EnterpriseHeaders.LOOKUP, answer.stale() ? EnterpriseHeaders.STALE : EnterpriseHeaders.FOUND);
        message.setHeader(EnterpriseHeaders.ENTERPRISE, e);
        message.setHeader(EnterpriseHeaders.CODE, e.code());
        message.setHeader(EnterpriseHeaders.NAME, e.nameVi());
        message.setHeader(EnterpriseHeaders.STATUS, e.status().name());
        message.setHeader(EnterpriseHeaders.LEGAL_FORM, e.legalFormName());
        message.setHeader(EnterpriseHeaders.ADDRESS, e.address() == null ? null : e.address().fullAddress());
        message.setHeader(EnterpriseHeaders.FETCHED_AT, answer.fetchedAt().toString());
        if (dossier != null) {
            Map<Object, Object> enriched = new LinkedHashMap<>(dossier);
            enriched.put(DOSSIER_ENTERPRISE, e);
            message.setBody(enriched);
        }
    }
}
