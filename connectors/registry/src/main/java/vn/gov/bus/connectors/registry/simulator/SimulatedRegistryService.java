package vn.gov.bus.connectors.registry.simulator;

import jakarta.jws.WebService;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import vn.gov.bus.connectors.registry.Enterprise;
import vn.gov.bus.connectors.registry.RegistryRecords;
import vn.gov.bus.schemas.registry.BusinessRegistry;
import vn.gov.bus.schemas.registry.LookupBranch;
import vn.gov.bus.schemas.registry.LookupEnterprise;
import vn.gov.bus.schemas.registry.LookupResponse;
import vn.gov.bus.schemas.registry.LookupResult;
import vn.gov.bus.schemas.registry.RegistryFault;
import vn.gov.bus.schemas.registry.RegistryFaultDetail;

/** The simulated registry's answers ({@code registry.wsdl}), from {@link EnterpriseDataset}. */
@WebService(
        serviceName = "BusinessRegistryService",
        portName = "BusinessRegistryPort",
        targetNamespace = "urn:vn:gov:dkkd:registry:1",
        endpointInterface = "vn.gov.bus.schemas.registry.BusinessRegistry",
        wsdlLocation = "classpath:wsdl/registry.wsdl")
public class SimulatedRegistryService implements BusinessRegistry {

    private final EnterpriseDataset dataset;
    private final SimulatorFaults faults;
    private final AtomicLong requests = new AtomicLong();

    SimulatedRegistryService(EnterpriseDataset dataset, SimulatorFaults faults) {
        this.dataset = dataset;
        this.faults = faults;
    }

    long requests() {
        return requests.get();
    }

    @Override
    public LookupResponse lookupEnterprise(LookupEnterprise request) throws RegistryFault {
        onRequest();
        String code = request.getEnterpriseCode();
        return answer(code == null ? Optional.empty()
                : code.length() == 12 ? dataset.findHousehold(code) : dataset.findEnterprise(code));
    }

    @Override
    public LookupResponse lookupBranch(LookupBranch request) throws RegistryFault {
        onRequest();
        String code = request.getBranchCode();
        return answer(code == null ? Optional.empty() : dataset.findBranch(code));
    }

    private void onRequest() throws RegistryFault {
        requests.incrementAndGet();
        try {
            faults.delayAnswer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (faults.mode() == SimulatorFaults.Mode.SOAP_FAULT) {
            RegistryFaultDetail detail = new RegistryFaultDetail();
            detail.setCode(faults.faultCode());
            detail.setMessage("Hệ thống đang bảo trì, vui lòng thử lại sau (simulated fault)");
            throw new RegistryFault("simulated registry fault " + faults.faultCode(), detail);
        }
    }

    private static LookupResponse answer(Optional<Enterprise> found) {
        LookupResponse response = new LookupResponse();
        response.setResult(found.isPresent() ? LookupResult.FOUND : LookupResult.NOT_FOUND);
        found.map(RegistryRecords::toRecord).ifPresent(response::setEnterprise);
        return response;
    }
}
