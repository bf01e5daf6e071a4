package vn.gov.bus.app.config;

import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.bus.app.admin.FeedConnectorTuning;
import vn.gov.bus.app.admin.TunableConnector;
import vn.gov.bus.app.cluster.SingleActiveRoutes;
import vn.gov.bus.connectors.feeds.DossierCodes;
import vn.gov.bus.connectors.feeds.OneStopClient;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.signing.DetachedCmsSigner;
import vn.gov.bus.core.state.FeedFileLedger;
import vn.gov.bus.reconciliation.ReconciliationRules;
import vn.gov.bus.reconciliation.store.PaymentStore;
import vn.gov.bus.reconciliation.store.ReconciliationStore;
import vn.gov.bus.reconciliation.store.TaxNoticeStore;
import vn.gov.bus.routes.feeds.BankStatementRoute;
import vn.gov.bus.routes.feeds.FeedFileProcessor;
import vn.gov.bus.routes.feeds.FeedProcessors;
import vn.gov.bus.routes.feeds.PaymentExportRoute;
import vn.gov.bus.routes.feeds.PaymentIngest;
import vn.gov.bus.routes.feeds.ReportPublisher;
import vn.gov.bus.routes.feeds.SafeFileNameFilter;
import vn.gov.bus.routes.feeds.StatementIngest;
import vn.gov.bus.routes.feeds.TaxNoticeIngest;
import vn.gov.bus.routes.feeds.TaxNoticeRoute;

/** The file feeds, the reconciliation and its reports (docs/feeds.md). */
@Configuration(proxyBeanMethods = false)
public class FeedsConfiguration {

    @Bean
    FeedFileLedger feedFileLedger(JdbcTemplate jdbc) {
        return new FeedFileLedger(jdbc);
    }

    @Bean
    PaymentStore paymentStore(JdbcTemplate jdbc, FeedsProperties feeds) {
        return new PaymentStore(jdbc, feeds.zone());
    }

    @Bean
    ReconciliationStore reconciliationStore(JdbcTemplate jdbc) {
        return new ReconciliationStore(jdbc);
    }

    @Bean
    TaxNoticeStore taxNoticeStore(JdbcTemplate jdbc) {
        return new TaxNoticeStore(jdbc);
    }

    @Bean
    DossierCodes dossierCodes(FeedsProperties feeds) {
        return new DossierCodes(feeds.reconciliation().dossierCodePattern());
    }

    /** Named: the feed URIs refer to it as {@code filter=#feedFileNameFilter}. */
    @Bean
    SafeFileNameFilter feedFileNameFilter(AuditTrail audit) {
        return new SafeFileNameFilter(audit);
    }

    /** Reports are signed with the organisation's key, like the packages it sends. */
    @Bean
    DetachedCmsSigner detachedCmsSigner(PackageConfiguration.Pki pki) {
        return new DetachedCmsSigner(pki.key());
    }

    @Bean
    FeedProcessors feedProcessors(FeedsProperties feeds, FeedFileLedger ledger, JdbcTemplate jdbc, AuditTrail audit,
                                  PaymentStore payments, ReconciliationStore runs, TaxNoticeStore notices,
                                  DossierCodes codes, DetachedCmsSigner signer, Clock clock) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        FeedsProperties.Reconciliation r = feeds.reconciliation();
        ReconciliationRules rules = new ReconciliationRules(r.settlementWindow(), feeds.zone(), r.lookbackDays());
        StatementIngest statements = new StatementIngest(payments, runs, notices, rules, codes, signer,
                feeds.workDir().resolve("reports"), audit, clock);
        OneStopClient oneStop = new OneStopClient(feeds.oneStop().endpoint(), feeds.oneStop().connectTimeout(),
                feeds.oneStop().requestTimeout());
        return new FeedProcessors(
                new FeedFileProcessor("bank-statements", BankStatementRoute.ROUTE_ID, statements, ledger, tx, audit),
                new FeedFileProcessor("bank-statements", BankStatementRoute.FTP_ROUTE_ID, statements, ledger, tx, audit),
                new FeedFileProcessor("payments", PaymentExportRoute.ROUTE_ID, new PaymentIngest(payments, codes), ledger,
                        tx, audit),
                new FeedFileProcessor("tax-notices", TaxNoticeRoute.ROUTE_ID, new TaxNoticeIngest(oneStop, notices, audit),
                        ledger, tx, audit));
    }

    @Bean
    ReportPublisher reportPublisher(FeedsProperties feeds, ReconciliationStore runs, TaxNoticeStore notices,
                                    ProducerTemplate producer, BusProperties bus, AuditTrail audit, Clock clock) {
        return new ReportPublisher(runs, notices, producer, feeds.workDir().resolve("reports"),
                feeds.reportsUri(), feeds.taxConfirmationsUri(), feeds.mail().uri(), feeds.mail().to(),
                bus.organisation().organId(), feeds.zone(), audit, clock);
    }

    /*
     * The inbound feeds' server, directory, user and password are settings of their routes
     * (docs/administration.md); the rebuild of a route is kept apart from leadership changes, which
     * start and stop the same routes. feeds-report-publish is not one of them: it writes to two
     * directories (reports, tax confirmations) and a mail server, which one endpointUrl cannot name.
     */

    @Bean
    TunableConnector bankStatementsSftpTuning(CamelContext camel, SingleActiveRoutes leadership) {
        return new FeedConnectorTuning(camel, BankStatementRoute.ROUTE_ID, leadership::exclusively);
    }

    @Bean
    TunableConnector bankStatementsFtpTuning(CamelContext camel, SingleActiveRoutes leadership) {
        return new FeedConnectorTuning(camel, BankStatementRoute.FTP_ROUTE_ID, leadership::exclusively);
    }

    @Bean
    TunableConnector paymentsTuning(CamelContext camel, SingleActiveRoutes leadership) {
        return new FeedConnectorTuning(camel, PaymentExportRoute.ROUTE_ID, leadership::exclusively);
    }

    @Bean
    TunableConnector taxNoticesTuning(CamelContext camel, SingleActiveRoutes leadership) {
        return new FeedConnectorTuning(camel, TaxNoticeRoute.ROUTE_ID, leadership::exclusively);
    }
}
