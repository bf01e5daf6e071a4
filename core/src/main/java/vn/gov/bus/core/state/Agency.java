package vn.gov.bus.core.state;

/** One entry of the agency directory. */
public record Agency(String organId, String name, Channel channel, String mail,
                     String signaturePolicy, String parentId, String source) {
}
