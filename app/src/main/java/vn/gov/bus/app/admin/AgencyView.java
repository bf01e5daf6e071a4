package vn.gov.bus.app.admin;

import java.time.Instant;

/**
 * One agency as the admin API shows it. The hub token is never shown, only whether one is set.
 * {@code codeConforms}: the code has the QCVN 102:2016 shape LLL.LL.LL.XNN (entries synchronised
 * from the axis may not). {@code source}: SEED (config/agencies.yaml), AXIS (national directory),
 * ADMIN (created or edited through this API; the seed and the synchronisation leave it alone).
 */
public record AgencyView(String code, String name, String channel, String mail, String signaturePolicy,
                         String parentId, String source, boolean tokenSet, boolean codeConforms, Instant updatedAt) {
}
