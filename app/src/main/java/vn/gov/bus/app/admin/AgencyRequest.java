package vn.gov.bus.app.admin;

/**
 * Body of {@code POST /api/admin/agencies} (code, name and channel required) and of
 * {@code PUT /api/admin/agencies/{code}} (every field optional: an absent one keeps its value).
 * {@code token}: the agency's new hub token, stored only as its SHA-256; {@code clearToken: true}
 * removes it. {@code mail: ""} removes the address.
 */
public record AgencyRequest(String code, String name, String channel, String mail, String token, Boolean clearToken,
                            String signaturePolicy, String parentId) {
}
