package vn.gov.bus.connectors.axis;

/**
 * One entry of the national agency directory ({@code /getAgenciesList}).
 *
 * @param id   the directory's own id
 * @param pid  id of the parent entry ("0" for a top-level agency)
 * @param code agency identifier (mã định danh), shape {@code LLL.LL.LL.XNN}
 */
public record AxisAgency(String id, String pid, String code, String name, String mail) {
}
