package vn.gov.bus.core.state;

/**
 * One entry of the national agency directory as the axis serves it ({@code /getAgenciesList}).
 * Kept in core, apart from the axis connector's own type, so the directory does not depend on
 * a connector.
 *
 * @param id   the axis directory's own id
 * @param pid  the axis id of the parent entry ("0" or empty for a top-level agency)
 * @param code agency identifier (mã định danh), the directory's key
 */
public record AxisDirectoryEntry(String id, String pid, String code, String name, String mail) {
}
