package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.connectors.axis.AxisAgency;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisRejectedException;
import vn.gov.bus.connectors.axis.AxisTransientException;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.edxml.AgencyCodes;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.Tokens;

/**
 * The agency directory for administrators: search, read, create, edit (channel, mail, hub token,
 * signature policy) and register with the national axis. Every change is audited (ADMIN_ACTION)
 * with the entry before and after, where the token appears only as "set" or "not set".
 *
 * <p>An entry created or edited here gets source ADMIN: the seed (upserted at every start) and the
 * axis synchronisation (which changes only its own AXIS rows) then leave it as the administrator
 * left it.
 */
public class AgencyAdministration {

    static final String SOURCE = "ADMIN";
    static final Set<String> SIGNATURE_POLICIES = Set.of("REJECT_UNSIGNED", "ACCEPT_UNSIGNED_FLAGGED");
    static final int MAX_PAGE_SIZE = 200;
    private static final Pattern MAIL = Pattern.compile("[^@\\s<>(),;:\"\\[\\]\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final String COLUMNS = "organ_id, name, channel, mail, signature_policy, parent_id, source,"
            + " token_sha256 IS NOT NULL AS token_set, updated_at";

    private final JdbcTemplate jdbc;
    private final AxisClient axis;
    private final AuditTrail audit;

    public AgencyAdministration(JdbcTemplate jdbc, AxisClient axis, AuditTrail audit) {
        this.jdbc = jdbc;
        this.axis = axis;
        this.audit = audit;
    }

    public record Page(int page, int size, long total, List<AgencyView> agencies) {
    }

    /** Code prefix or name fragment (case-insensitive), optionally of one channel, by code. */
    public Page search(String q, String channel, int page, int size) {
        if (page < 0) {
            throw ApiProblem.invalid("page", "min 0", "page must be 0 or more", "page phải từ 0 trở lên");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("size", "range 1.." + MAX_PAGE_SIZE, "size must be between 1 and "
                    + MAX_PAGE_SIZE, "size phải từ 1 đến " + MAX_PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String text = like(q.strip().toLowerCase(Locale.ROOT));
            where.append(" AND (LOWER(organ_id) LIKE ? ESCAPE '!' OR LOWER(name) LIKE ? ESCAPE '!')");
            args.add(text + "%");
            args.add("%" + text + "%");
        }
        if (channel != null && !channel.isBlank()) {
            where.append(" AND channel = ?");
            args.add(channel(channel).name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM agency" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<AgencyView> agencies = jdbc.query("SELECT " + COLUMNS + " FROM agency" + where
                + " ORDER BY organ_id LIMIT ? OFFSET ?", AgencyAdministration::map, pageArgs.toArray());
        return new Page(page, size, total == null ? 0 : total, agencies);
    }

    public AgencyView one(String code) {
        return find(code).orElseThrow(() -> missing(code));
    }

    public AgencyView create(AgencyRequest r, String operator, String origin) {
        if (r == null) {
            throw ApiProblem.invalid("body", "required", "the request has no body", "yêu cầu không có nội dung");
        }
        String code = r.code() == null ? null : r.code().strip();
        if (code == null || code.isEmpty()) {
            throw ApiProblem.invalid("code", "required", "code (mã định danh) is required", "phải có mã định danh");
        }
        if (!AgencyCodes.conforms(code)) {
            throw ApiProblem.invalid("code", "shape LLL.LL.LL.XNN", "code must have the QCVN 102:2016 shape"
                    + " LLL.LL.LL.XNN (e.g. 000.00.31.H53), got '" + code + "'",
                    "mã định danh phải có dạng LLL.LL.LL.XNN theo QCVN 102:2016 (ví dụ 000.00.31.H53)");
        }
        if (find(code).isPresent()) {
            throw ApiProblem.conflict("code", "unique", "agency " + code + " exists already; edit it with PUT",
                    "đơn vị " + code + " đã có trong danh bạ");
        }
        String name = name(r.name(), true);
        if (r.channel() == null) {
            throw ApiProblem.invalid("channel", "required", "channel is required (LOCAL, AXIS, MAIL)",
                    "phải chọn kênh (LOCAL, AXIS, MAIL)");
        }
        Channel channel = channel(r.channel());
        String mail = mail(r.mail());
        checkMailChannel(channel, mail);
        String policy = r.signaturePolicy() == null ? "REJECT_UNSIGNED" : policy(r.signaturePolicy());
        String parent = parent(r.parentId());
        String tokenHash = r.token() == null ? null : Tokens.sha256Hex(token(r.token()));
        jdbc.update("INSERT INTO agency (organ_id, name, channel, mail, token_sha256, signature_policy, parent_id,"
                        + " source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                code, name, channel.name(), mail, tokenHash, policy, parent, SOURCE, Timestamp.from(Instant.now()));
        AgencyView after = one(code);
        audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).routeId("admin-api").actor(operator).origin(origin)
                .recipientId(code).detail("agency " + code + " created: " + describe(after)).build());
        return after;
    }

    public AgencyView update(String code, AgencyRequest r, String operator, String origin) {
        AgencyView before = one(code);
        if (r == null) {
            throw ApiProblem.invalid("body", "required", "the request has no body", "yêu cầu không có nội dung");
        }
        if (r.code() != null && !r.code().strip().equals(code)) {
            throw ApiProblem.invalid("code", "unchanged", "the code of an agency cannot be changed; create the new"
                    + " code instead", "không đổi được mã định danh; hãy tạo đơn vị mới");
        }
        String name = r.name() == null ? before.name() : name(r.name(), true);
        Channel channel = r.channel() == null ? Channel.valueOf(before.channel()) : channel(r.channel());
        String mail = r.mail() == null ? before.mail() : mail(r.mail());
        checkMailChannel(channel, mail);
        String policy = r.signaturePolicy() == null ? before.signaturePolicy() : policy(r.signaturePolicy());
        String parent = r.parentId() == null ? before.parentId() : parent(r.parentId());
        if (r.token() != null && Boolean.TRUE.equals(r.clearToken())) {
            throw ApiProblem.invalid("clearToken", "not-with-token", "give either token or clearToken, not both",
                    "chỉ dùng token hoặc clearToken");
        }
        StringBuilder sql = new StringBuilder("UPDATE agency SET name = ?, channel = ?, mail = ?, signature_policy = ?,"
                + " parent_id = ?, source = ?, updated_at = ?");
        List<Object> args = new ArrayList<>(List.of(name, channel.name()));
        args.add(mail);
        args.add(policy);
        args.add(parent);
        args.add(SOURCE);
        args.add(Timestamp.from(Instant.now()));
        if (r.token() != null) {
            sql.append(", token_sha256 = ?");
            args.add(Tokens.sha256Hex(token(r.token())));
        } else if (Boolean.TRUE.equals(r.clearToken())) {
            sql.append(", token_sha256 = NULL");
        }
        sql.append(" WHERE organ_id = ?");
        args.add(code);
        jdbc.update(sql.toString(), args.toArray());
        AgencyView after = one(code);
        String tokenChange = r.token() != null ? "; token replaced" : Boolean.TRUE.equals(r.clearToken())
                ? "; token removed" : "";
        audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).routeId("admin-api").actor(operator).origin(origin)
                .recipientId(code).detail("agency " + code + " edited: before " + describe(before) + "; after "
                        + describe(after) + tokenChange).build());
        return after;
    }

    /** What the axis answered to a registration. */
    public record Registration(String code, String axisId, String axisParentId, String name, String mail) {
    }

    public Registration register(String code, String operator, String origin) {
        AgencyView agency = one(code);
        if (!AgencyCodes.conforms(code)) {
            throw ApiProblem.invalid("code", "shape LLL.LL.LL.XNN", "only codes of the shape LLL.LL.LL.XNN are"
                    + " registered with the axis", "chỉ đăng ký lên trục mã có dạng LLL.LL.LL.XNN");
        }
        if (!Channel.LOCAL.name().equals(agency.channel()) && !Channel.MAIL.name().equals(agency.channel())) {
            throw ApiProblem.conflict("channel", "local-agency", "only this province's own agencies (channel LOCAL"
                    + " or MAIL) are registered with the axis; " + code + " is reached through the axis",
                    "chỉ đăng ký lên trục các đơn vị của tỉnh (kênh LOCAL hoặc MAIL)");
        }
        AxisAgency answer;
        try {
            answer = axis.registerAgency(code, agency.name(), agency.mail());
        } catch (AxisRejectedException e) {
            audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).outcome(vn.gov.bus.core.audit.AuditOutcome.REFUSED)
                    .routeId("admin-api").actor(operator).origin(origin).recipientId(code)
                    .detail("registration of agency " + code + " with the axis refused: " + e.errorCode() + " "
                            + e.errorDesc()).build());
            throw new ApiProblem(HttpStatus.CONFLICT, "AXIS_REFUSED", "code", e.errorCode(),
                    "the axis refused to register " + code + ": " + e.errorDesc(),
                    "trục liên thông từ chối đăng ký " + code + ": " + e.errorDesc());
        } catch (AxisTransientException e) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "AXIS_UNAVAILABLE", "code", "axis-answers",
                    "the axis could not be reached, try again later: " + e.getMessage(),
                    "không kết nối được trục liên thông, hãy thử lại sau");
        }
        audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).routeId("admin-api").actor(operator).origin(origin)
                .recipientId(code).detail("agency " + code + " registered with the axis (axis id " + answer.id()
                        + ")").build());
        return new Registration(code, answer.id(), answer.pid(), answer.name(), answer.mail());
    }

    private Optional<AgencyView> find(String code) {
        return code == null ? Optional.empty() : jdbc.query("SELECT " + COLUMNS + " FROM agency WHERE organ_id = ?",
                AgencyAdministration::map, code).stream().findFirst();
    }

    private static String describe(AgencyView a) {
        return "{name=" + a.name() + ", channel=" + a.channel() + ", mail=" + a.mail() + ", signaturePolicy="
                + a.signaturePolicy() + ", parentId=" + a.parentId() + ", tokenSet=" + a.tokenSet() + "}";
    }

    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String name(String name, boolean required) {
        if (name == null || name.isBlank()) {
            if (required) {
                throw ApiProblem.invalid("name", "required", "name is required", "phải có tên đơn vị");
            }
            return null;
        }
        if (name.length() > 512) {
            throw ApiProblem.invalid("name", "max-length 512", "name may have at most 512 characters",
                    "tên tối đa 512 ký tự");
        }
        return name.strip();
    }

    private static Channel channel(String value) {
        try {
            return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("channel", "one-of LOCAL, AXIS, MAIL", "channel must be LOCAL, AXIS or MAIL, got '"
                    + value + "'", "kênh phải là LOCAL, AXIS hoặc MAIL");
        }
    }

    private static String mail(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String mail = value.strip();
        if (mail.length() > 320 || !MAIL.matcher(mail).matches()) {
            throw ApiProblem.invalid("mail", "address", "mail must be one address such as vanthu@tanbinh.tayninh.gov.vn,"
                    + " got '" + value + "'", "địa chỉ thư không hợp lệ");
        }
        return mail;
    }

    private static void checkMailChannel(Channel channel, String mail) {
        if (channel == Channel.MAIL && mail == null) {
            throw ApiProblem.invalid("mail", "required-for-MAIL", "an agency reached by MAIL needs a mail address",
                    "đơn vị nhận qua thư điện tử phải có địa chỉ thư");
        }
    }

    private static String policy(String value) {
        String policy = value.strip().toUpperCase(Locale.ROOT);
        if (!SIGNATURE_POLICIES.contains(policy)) {
            throw ApiProblem.invalid("signaturePolicy", "one-of REJECT_UNSIGNED, ACCEPT_UNSIGNED_FLAGGED",
                    "signaturePolicy must be REJECT_UNSIGNED or ACCEPT_UNSIGNED_FLAGGED, got '" + value + "'",
                    "chính sách chữ ký phải là REJECT_UNSIGNED hoặc ACCEPT_UNSIGNED_FLAGGED");
        }
        return policy;
    }

    private static String parent(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 64) {
            throw ApiProblem.invalid("parentId", "max-length 64", "parentId may have at most 64 characters",
                    "mã đơn vị cấp trên tối đa 64 ký tự");
        }
        return value.strip();
    }

    private static String token(String token) {
        if (token.length() < 16 || token.length() > 256 || token.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw ApiProblem.invalid("token", "16-256 printable characters", "a hub token must be 16 to 256 printable"
                    + " characters without spaces (a random string)", "mã truy cập phải dài 16–256 ký tự, không khoảng trắng");
        }
        return token;
    }

    private static AgencyView map(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        String code = rs.getString("organ_id");
        return new AgencyView(code, rs.getString("name"), rs.getString("channel"), rs.getString("mail"),
                rs.getString("signature_policy"), rs.getString("parent_id"), rs.getString("source"),
                rs.getBoolean("token_set"), AgencyCodes.conforms(code), updated == null ? null : updated.toInstant());
    }

    private static ApiProblem missing(String code) {
        return ApiProblem.notFound("code", "no agency '" + code + "' in the directory",
                "không có đơn vị '" + code + "' trong danh bạ");
    }
}
