package vn.gov.bus.routes.feeds;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Bank statements (camt.053 or the CSV layout) dropped by the banks: over SFTP, and over plain
 * FTP for a partner that has only that. Each statement is reconciled as it arrives.
 */
@Component
public class BankStatementRoute extends RouteBuilder {

    public static final String ROUTE_ID = "feeds-bank-statements";
    public static final String FTP_ROUTE_ID = "feeds-bank-statements-ftp";

    private final FeedProcessors processors;

    public BankStatementRoute(FeedProcessors processors) {
        this.processors = processors;
    }

    @Override
    public void configure() {
        FeedRoutes.inbound(this, "bank-statements", ROUTE_ID, processors.bankStatements());
        FeedRoutes.inbound(this, "bank-statements-ftp", FTP_ROUTE_ID, processors.bankStatementsFtp());
    }
}
