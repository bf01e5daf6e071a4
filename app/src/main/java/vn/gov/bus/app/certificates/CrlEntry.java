package vn.gov.bus.app.certificates;

import java.time.Instant;

/** A configured CRL file: its issuer and when its issuer promised the next one (STALE once passed). */
public record CrlEntry(String source, String issuer, Instant thisUpdate, Instant nextUpdate, String status) {
}
